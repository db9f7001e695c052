package trent.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Key;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import trent.crypto.SecretBytes;
import trent.crypto.asymmetric.AsymmetricKeyPair;
import trent.crypto.asymmetric.AsymmetricKeySpec;
import trent.crypto.mac.HmacKey;
import trent.crypto.mac.HmacKeySpec;
import trent.domain.ciphertext.BackingKey;
import trent.protocol.Identity;
import trent.storage.KeyMaterialRecord;

/**
 * No value type that holds a secret shows it in {@code toString()}: the heap-free half of the leak
 * scan (CrashLoopIT scans logs, audit log, errors and storage).
 *
 * <p>Records are the risk: their generated {@code toString} prints every component. So every record
 * in Trent's main code that has a secret-looking component (a string named like password, secret,
 * passphrase, pin, plaintext, private key or token, or a JCA key) must declare its own
 * {@code toString}; found by scanning the classes on the class path. Byte and char arrays and
 * suppliers print only an identity, and {@code SecretBytes} prints nothing. Then the known secret holders are built with a recognisable secret and their text checked.
 */
class SecretToStringTest {

  private static final byte[] SECRET = HexFormat.of().parseHex("5ec7e75ec7e75ec7e75ec7e75ec7e75ec7e75ec7e75ec7e75ec7e75ec7e75ec7");
  private static final String SECRET_TEXT = "s3cr3t-Pa55w0rd-do-not-print";

  @Test
  void everyRecordWithASecretComponentDeclaresToString() throws Exception {
    List<String> checked = new ArrayList<>();
    List<String> leaking = new ArrayList<>();
    for (String name : trentClassNames()) {
      Class<?> type;
      try {
        type = Class.forName(name, false, getClass().getClassLoader());
      } catch (ClassNotFoundException | LinkageError e) {
        continue;
      }
      if (!type.isRecord()) {
        continue;
      }
      for (RecordComponent component : type.getRecordComponents()) {
        if (looksSecret(component)) {
          checked.add(name + "." + component.getName());
          if (!declaresToString(type)) {
            leaking.add(name + " (component " + component.getName() + ")");
          }
        }
      }
    }
    System.out.println("SecretToStringTest: records with secret components: " + checked);
    assertThat(checked).as("the scan found the known secret holders").isNotEmpty();
    assertThat(leaking).as("records whose generated toString would print a secret").isEmpty();
  }

  @Test
  void knownSecretHoldersPrintNoSecret() throws Exception {
    SecureRandom random = new SecureRandom();
    List<Object> holders = List.of(
        SecretBytes.copyOf(SECRET),
        BackingKey.of("1234abcd-12ab-34cd-56ef-1234567890ab", "0".repeat(64), SecretBytes.copyOf(SECRET)),
        new Identity("AKIDEXAMPLE", SECRET_TEXT, "111122223333", "arn:aws:iam::111122223333:root"),
        new KeyMaterialRecord("1234abcd-12ab-34cd-56ef-1234567890ab", "0".repeat(64), SECRET, Instant.EPOCH),
        new StorageSettings.Postgres("jdbc:postgresql://127.0.0.1/trent", "trent", SECRET_TEXT, 4),
        new RootSettings.Passphrase(Path.of("root.pass"), () -> SECRET_TEXT.toCharArray()),
        new RootSettings.Pkcs11(Path.of("lib.so"), "trent", () -> SECRET_TEXT.toCharArray(), "root", false),
        HmacKey.fromKeyMaterial(HmacKeySpec.HMAC_256, SecretBytes.copyOf(SECRET)));
    for (Object holder : holders) {
      String text = holder.toString();
      for (String form : forms(SECRET)) {
        assertThat(text).as("%s", holder.getClass().getName()).doesNotContain(form);
      }
      assertThat(text).as("%s", holder.getClass().getName()).doesNotContain(SECRET_TEXT);
    }
    AsymmetricKeyPair pair = AsymmetricKeyPair.generate(AsymmetricKeySpec.values()[0], random);
    String text = pair.toString();
    assertThat(text).doesNotContainIgnoringCase("private").hasSizeLessThan(200);
  }

  private static List<String> forms(byte[] secret) {
    return List.of(Base64.getEncoder().encodeToString(secret), HexFormat.of().formatHex(secret),
        HexFormat.of().withUpperCase().formatHex(secret), java.util.Arrays.toString(secret));
  }

  /**
   * Arrays and suppliers print as an identity ({@code [B@1f}), so the generated toString leaks only
   * text and objects that print their content: strings named like a secret, JCA keys.
   */
  private static boolean looksSecret(RecordComponent component) {
    Class<?> t = component.getType();
    String name = component.getName().toLowerCase(Locale.ROOT);
    boolean secretName = name.matches(".*(secret|password|passphrase|pin|plaintext|privatekey|token).*")
        && !name.endsWith("env") && !name.endsWith("file") && !name.endsWith("id");
    return (CharSequence.class.isAssignableFrom(t) && secretName)
        || Key.class.isAssignableFrom(t) || t == KeyPair.class;
  }

  private static boolean declaresToString(Class<?> type) {
    try {
      type.getDeclaredMethod("toString");
      return true;
    } catch (NoSuchMethodException e) {
      return false;
    }
  }

  /** Class names of Trent's main code on the class path: module output folders and trent-*.jar. */
  private static List<String> trentClassNames() throws IOException {
    List<String> names = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path path = Path.of(entry);
      String file = path.getFileName() == null ? "" : path.getFileName().toString();
      if (Files.isDirectory(path) && path.endsWith(Path.of("target", "classes"))) {
        try (Stream<Path> files = Files.walk(path)) {
          files.filter(p -> p.toString().endsWith(".class")).forEach(p -> names.add(className(path.relativize(p).toString())));
        }
      } else if (file.startsWith("trent-") && file.endsWith(".jar") && !file.contains("tests")) {
        try (JarFile jar = new JarFile(path.toFile())) {
          jar.stream().map(e -> e.getName()).filter(n -> n.startsWith("trent/") && n.endsWith(".class"))
              .forEach(n -> names.add(className(n)));
        }
      }
    }
    return names;
  }

  private static String className(String file) {
    return file.substring(0, file.length() - ".class".length()).replace('/', '.').replace('\\', '.');
  }
}
