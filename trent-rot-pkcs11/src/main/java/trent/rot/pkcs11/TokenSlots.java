package trent.rot.pkcs11;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import trent.crypto.CryptoException;

/**
 * Finds the slot that holds a token with a given label.
 *
 * <p>The JDK has no public API for this: SunPKCS11 is configured by slot, and only its internal
 * PKCS#11 wrapper ({@code sun.security.pkcs11.wrapper}, in module {@code jdk.crypto.cryptoki})
 * reads token labels. This class is the one place that uses it, through reflection on public
 * members, so the JVM must run with {@value #EXPORTS}. Without it, opening fails with a message
 * that names the option. The wrapper instance is the one SunPKCS11 shares for the same library,
 * initialised with the same flag ({@code CKF_OS_LOCKING_OK}) it uses.
 */
final class TokenSlots {

  static final String EXPORTS =
      "--add-exports=jdk.crypto.cryptoki/sun.security.pkcs11.wrapper=ALL-UNNAMED";

  private static final String WRAPPER = "sun.security.pkcs11.wrapper.";
  private static final long CKF_OS_LOCKING_OK = 0x2;

  private TokenSlots() {}

  /**
   * The id of the slot whose token is labelled {@code tokenLabel}.
   *
   * @throws CryptoException when the wrapper is not accessible, the library does not load, or no
   *     token or more than one token has that label (the message lists the labels present)
   */
  static long slotOf(Path library, String tokenLabel) {
    try {
      Class<?> pkcs11 = Class.forName(WRAPPER + "PKCS11");
      Class<?> initArgsClass = Class.forName(WRAPPER + "CK_C_INITIALIZE_ARGS");
      Object initArgs = initArgsClass.getConstructor().newInstance();
      initArgsClass.getField("flags").setLong(initArgs, CKF_OS_LOCKING_OK);
      Method getInstance = pkcs11.getMethod(
          "getInstance", String.class, String.class, initArgsClass, boolean.class);
      Object module;
      try {
        module = getInstance.invoke(null, library.toString(), "C_GetFunctionList", initArgs, false);
      } catch (InvocationTargetException e) {
        throw new CryptoException("cannot load PKCS#11 library " + library + ": " + e.getCause()
            + ". Is it the vendor's PKCS#11 module (for SoftHSM2: libsofthsm2.so)?", e.getCause());
      }
      long[] slots = (long[]) pkcs11.getMethod("C_GetSlotList", boolean.class).invoke(module, true);
      Method tokenInfo = pkcs11.getMethod("C_GetTokenInfo", long.class);
      List<String> labels = new ArrayList<>();
      List<Long> matches = new ArrayList<>();
      for (long slot : slots) {
        Object info = tokenInfo.invoke(module, slot);
        String label = new String((char[]) info.getClass().getField("label").get(info)).strip();
        labels.add(label);
        if (label.equals(tokenLabel)) {
          matches.add(slot);
        }
      }
      if (matches.isEmpty()) {
        throw new CryptoException("no PKCS#11 token labelled '" + tokenLabel + "' in library "
            + library + " (tokens present: " + labels + "). Initialise it (SoftHSM2: softhsm2-util"
            + " --init-token) or correct the token label.");
      }
      if (matches.size() > 1) {
        throw new CryptoException("more than one PKCS#11 token is labelled '" + tokenLabel
            + "' in library " + library + " (slots " + matches + "); give each token its own label");
      }
      return matches.get(0);
    } catch (IllegalAccessException e) {
      throw new CryptoException("selecting a PKCS#11 token by label needs the JVM option "
          + EXPORTS + " (the JDK offers no public API to read token labels); start Java with it",
          e);
    } catch (InvocationTargetException e) {
      throw new CryptoException("PKCS#11 library " + library + " failed to list its tokens: "
          + e.getCause(), e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new CryptoException("this JDK's SunPKCS11 provider lacks the PKCS#11 wrapper Trent"
          + " reads token labels with: " + e, e);
    }
  }
}
