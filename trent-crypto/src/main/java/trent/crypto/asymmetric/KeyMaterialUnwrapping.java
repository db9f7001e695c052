package trent.crypto.asymmetric;

import java.security.GeneralSecurityException;
import java.security.NoSuchAlgorithmException;
import java.security.Key;
import java.security.interfaces.RSAKey;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.NoSuchPaddingException;
import javax.crypto.spec.SecretKeySpec;
import trent.crypto.CryptoException;
import trent.crypto.IntegrityException;
import trent.crypto.SecretBytes;

/**
 * Unwraps key material a caller encrypted for import (ImportKeyMaterial) with the wrapping key pair
 * of GetParametersForImport, by the wrapping algorithms AWS defines ("Select a wrapping algorithm",
 * KMS developer guide):
 *
 * <ul>
 *   <li>{@code RSAES_OAEP_SHA_1}, {@code RSAES_OAEP_SHA_256}: the material encrypted directly with
 *       RSAES-OAEP (MGF1 with the same hash, empty label);
 *   <li>{@code RSA_AES_KEY_WRAP_SHA_1}, {@code RSA_AES_KEY_WRAP_SHA_256}: a fresh AES-256 key
 *       encrypted with RSAES-OAEP (as above), followed by the material wrapped under that AES key
 *       with AES Key Wrap with Padding (RFC 5649); the OAEP part is exactly the modulus length;
 *   <li>{@code SM2PKE}: SM2 public-key encryption (C1 ‖ C3 ‖ C2) under an SM2 wrapping key.
 * </ul>
 *
 * <p>Any failure is one {@link IntegrityException}, saying nothing about which step failed.
 */
public final class KeyMaterialUnwrapping {

  /** The wrapping algorithms AWS supports for import (RSAES_PKCS1_V1_5 is no longer one). */
  public enum WrappingAlgorithm {
    RSAES_OAEP_SHA_1(EncryptionAlgorithm.RSAES_OAEP_SHA_1, false),
    RSAES_OAEP_SHA_256(EncryptionAlgorithm.RSAES_OAEP_SHA_256, false),
    RSA_AES_KEY_WRAP_SHA_1(EncryptionAlgorithm.RSAES_OAEP_SHA_1, true),
    RSA_AES_KEY_WRAP_SHA_256(EncryptionAlgorithm.RSAES_OAEP_SHA_256, true),
    SM2PKE(EncryptionAlgorithm.SM2PKE, false);

    private final EncryptionAlgorithm outer;
    private final boolean aesKeyWrap;

    WrappingAlgorithm(EncryptionAlgorithm outer, boolean aesKeyWrap) {
      this.outer = outer;
      this.aesKeyWrap = aesKeyWrap;
    }

    /** Whether a wrapping key of {@code spec} works with this algorithm: RSA for the RSA ones, SM2 for SM2PKE. */
    public boolean fits(AsymmetricKeySpec spec) {
      return spec.encryptionAlgorithms().contains(outer);
    }
  }

  private static final int AES_256_KEY_BYTES = 32;

  private KeyMaterialUnwrapping() {}

  /**
   * The material {@code wrapped} holds. The caller owns the result and should destroy it.
   *
   * @throws IntegrityException when it does not unwrap with this key pair and algorithm
   */
  public static SecretBytes unwrap(AsymmetricKeyPair wrappingKey, WrappingAlgorithm algorithm, byte[] wrapped) {
    if (!algorithm.fits(wrappingKey.spec())) {
      throw new IntegrityException();
    }
    if (!algorithm.aesKeyWrap) {
      return SecretBytes.adopt(AsymmetricEncryption.decrypt(wrappingKey, algorithm.outer, wrapped));
    }
    int modulusBytes = (((RSAKey) wrappingKey.jcaPrivateKey()).getModulus().bitLength() + 7) / 8;
    if (wrapped.length <= modulusBytes) {
      throw new IntegrityException();
    }
    byte[] aesKey = AsymmetricEncryption.decrypt(wrappingKey, algorithm.outer,
        Arrays.copyOfRange(wrapped, 0, modulusBytes));
    try {
      if (aesKey.length != AES_256_KEY_BYTES) {
        throw new IntegrityException();
      }
      Cipher kwp = Cipher.getInstance("AES/KWP/NoPadding");
      kwp.init(Cipher.UNWRAP_MODE, new SecretKeySpec(aesKey, "AES"));
      Key material = kwp.unwrap(Arrays.copyOfRange(wrapped, modulusBytes, wrapped.length), "RAW", Cipher.SECRET_KEY);
      byte[] encoded = material.getEncoded();
      if (encoded == null || encoded.length == 0) {
        throw new IntegrityException();
      }
      return SecretBytes.adopt(encoded);
    } catch (NoSuchAlgorithmException | NoSuchPaddingException e) {
      throw new CryptoException("AES key unwrap is not available", e);
    } catch (GeneralSecurityException | IllegalArgumentException | IllegalStateException e) {
      throw new IntegrityException();
    } finally {
      Arrays.fill(aesKey, (byte) 0);
    }
  }
}
