package trent.crypto.asymmetric;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import org.bouncycastle.crypto.CipherParameters;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.SM2Engine;
import org.bouncycastle.crypto.params.ParametersWithID;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.bouncycastle.jcajce.provider.asymmetric.util.ECUtil;
import trent.crypto.IntegrityException;

/**
 * SM2 signatures (GB/T 32918.2) and public-key encryption (GB/T 32918.4) with BouncyCastle's
 * lightweight API, which the JDK lacks.
 *
 * <p>Signatures: SM3 over Z ‖ M, with Z computed from the distinguishing ID
 * {@value #DISTINGUISHING_ID} (AWS KMS's documented default, GetPublicKey and Verify API
 * reference), DER-encoded (r, s). For a DIGEST input the caller has already computed
 * e = SM3(Z ‖ M) and the signature is made over e.
 *
 * <p>Encryption: ciphertext C1 ‖ C3 ‖ C2 (C1 an uncompressed point, C3 the SM3 hash, C2 the masked
 * plaintext), the order of GB/T 32918.4-2016.
 */
final class Sm2 {
  /** The SM2 distinguishing ID that AWS KMS uses. */
  static final String DISTINGUISHING_ID = "1234567812345678";

  private static final byte[] ID = DISTINGUISHING_ID.getBytes(StandardCharsets.US_ASCII);

  private Sm2() {}

  static byte[] sign(PrivateKey key, SigningInput input, SecureRandom random) {
    SM2Signer signer = signer(input);
    try {
      CipherParameters priv = ECUtil.generatePrivateKeyParameter(key);
      signer.init(true, new ParametersWithID(new ParametersWithRandom(priv, random), ID));
      if (input.type() == MessageType.RAW) {
        signer.update(input.bytes(), 0, input.length());
      }
      return signer.generateSignature();
    } catch (InvalidKeyException | CryptoException e) {
      throw new trent.crypto.CryptoException("SM2 signing failed", e);
    }
  }

  static boolean verify(PublicKey key, SigningInput input, byte[] signature) {
    SM2Signer signer = signer(input);
    try {
      signer.init(false, new ParametersWithID(ECUtil.generatePublicKeyParameter(key), ID));
      if (input.type() == MessageType.RAW) {
        signer.update(input.bytes(), 0, input.length());
      }
      return signer.verifySignature(signature);
    } catch (InvalidKeyException e) {
      throw new trent.crypto.CryptoException("SM2 public key rejected", e);
    } catch (RuntimeException e) {
      return false;
    }
  }

  static byte[] encrypt(PublicKey key, byte[] plaintext, SecureRandom random) {
    SM2Engine engine = new SM2Engine(SM2Engine.Mode.C1C3C2);
    try {
      engine.init(true, new ParametersWithRandom(ECUtil.generatePublicKeyParameter(key), random));
      return engine.processBlock(plaintext, 0, plaintext.length);
    } catch (InvalidKeyException | InvalidCipherTextException e) {
      throw new trent.crypto.CryptoException("SM2 encryption failed", e);
    }
  }

  static byte[] decrypt(PrivateKey key, byte[] ciphertext) {
    SM2Engine engine = new SM2Engine(SM2Engine.Mode.C1C3C2);
    try {
      engine.init(false, ECUtil.generatePrivateKeyParameter(key));
      return engine.processBlock(ciphertext, 0, ciphertext.length);
    } catch (InvalidKeyException e) {
      throw new trent.crypto.CryptoException("SM2 private key rejected", e);
    } catch (InvalidCipherTextException | RuntimeException e) {
      throw new IntegrityException();
    }
  }

  private static SM2Signer signer(SigningInput input) {
    return input.type() == MessageType.DIGEST ? new PrehashedSigner(input.bytes()) : new SM2Signer();
  }

  /**
   * SM2 over a caller-supplied e = SM3(Z ‖ M): BouncyCastle's signer with its hash result replaced
   * by e. BouncyCastle still hashes Z internally; that result is ignored.
   */
  private static final class PrehashedSigner extends SM2Signer {
    private final byte[] e;

    PrehashedSigner(byte[] e) {
      this.e = e.clone();
    }

    @Override
    protected BigInteger calculateE(BigInteger n, byte[] ignoredHash) {
      return new BigInteger(1, e);
    }
  }
}
