package trent.crypto.asymmetric;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import trent.crypto.IntegrityException;
import trent.crypto.SecretBytes;

/**
 * Wycheproof vectors (subsets, see {@code vectors/wycheproof/SOURCE.md}) walked case by case:
 * "valid" must pass, "invalid" must fail, "acceptable" may do either but must never give a wrong
 * answer. Signatures are checked through both the RAW and the DIGEST path.
 */
class AsymmetricWycheproofVectorsTest {

  @Test
  void ecdsaP256Sha256() throws Exception {
    List<String> failures = new ArrayList<>();
    List<Wycheproof.Case> cases = Wycheproof.cases("ecdsa_secp256r1_sha256_test.json");
    for (Wycheproof.Case c : cases) {
      AsymmetricPublicKey key =
          AsymmetricPublicKey.fromSubjectPublicKeyInfo(
              AsymmetricKeySpec.ECC_NIST_P256, c.groupHex("publicKeyDer"));
      checkSignature(failures, c, key, SigningAlgorithm.ECDSA_SHA_256, true);
    }
    assertThat(cases).hasSize(18);
    assertThat(failures).isEmpty();
  }

  @Test
  void rsaPss2048Sha256() throws Exception {
    List<String> failures = new ArrayList<>();
    List<Wycheproof.Case> cases = Wycheproof.cases("rsa_pss_2048_sha256_mgf1_32_test.json");
    for (Wycheproof.Case c : cases) {
      AsymmetricPublicKey key =
          AsymmetricPublicKey.fromSubjectPublicKeyInfo(
              AsymmetricKeySpec.RSA_2048, c.groupHex("publicKeyDer"));
      checkSignature(failures, c, key, SigningAlgorithm.RSASSA_PSS_SHA_256, true);
    }
    assertThat(cases).hasSize(7);
    assertThat(failures).isEmpty();
  }

  @Test
  void ed25519() throws Exception {
    List<String> failures = new ArrayList<>();
    List<Wycheproof.Case> cases = Wycheproof.cases("ed25519_test.json");
    for (Wycheproof.Case c : cases) {
      AsymmetricPublicKey key =
          AsymmetricPublicKey.fromSubjectPublicKeyInfo(
              AsymmetricKeySpec.ECC_NIST_EDWARDS25519, c.groupHex("publicKeyDer"));
      checkSignature(failures, c, key, SigningAlgorithm.ED25519_SHA_512, false);
    }
    assertThat(cases).hasSize(29);
    assertThat(failures).isEmpty();
  }

  @Test
  void rsaOaep2048Sha256() {
    List<String> failures = new ArrayList<>();
    List<Wycheproof.Case> cases = Wycheproof.cases("rsa_oaep_2048_sha256_mgf1sha256_test.json");
    for (Wycheproof.Case c : cases) {
      if (c.test.get("label").asText().length() > 0) {
        failures.add(c.fail("KMS uses an empty label; a labelled case does not belong here"));
        continue;
      }
      AsymmetricKeyPair key =
          AsymmetricKeyPair.fromPkcs8(
              AsymmetricKeySpec.RSA_2048, SecretBytes.copyOf(c.groupHex("privateKeyPkcs8")));
      try {
        byte[] plaintext =
            AsymmetricEncryption.decrypt(key, EncryptionAlgorithm.RSAES_OAEP_SHA_256, c.hex("ct"));
        if (c.result().equals("invalid")) {
          failures.add(c.fail("decrypted an invalid ciphertext"));
        } else if (!Arrays.equals(plaintext, c.hex("msg"))) {
          failures.add(c.fail("wrong plaintext"));
        }
      } catch (IntegrityException e) {
        if (c.result().equals("valid")) {
          failures.add(c.fail("rejected a valid ciphertext"));
        }
      }
    }
    assertThat(cases).hasSize(7);
    assertThat(failures).isEmpty();
  }

  @Test
  void ecdhP256() {
    List<String> failures = new ArrayList<>();
    List<Wycheproof.Case> cases = Wycheproof.cases("ecdh_secp256r1_test.json");
    for (Wycheproof.Case c : cases) {
      AsymmetricKeyPair ours = p256FromScalar(c.hex("private"));
      try {
        AsymmetricPublicKey peer =
            AsymmetricPublicKey.fromSubjectPublicKeyInfo(AsymmetricKeySpec.ECC_NIST_P256, c.hex("public"));
        byte[] shared =
            SharedSecrets.derive(ours, KeyAgreementAlgorithm.ECDH, peer).revealCopy();
        if (c.result().equals("invalid")) {
          failures.add(c.fail("derived a secret from an invalid public key"));
        } else if (!Arrays.equals(shared, c.hex("shared"))) {
          failures.add(c.fail("wrong shared secret"));
        }
      } catch (InvalidInputException e) {
        if (c.result().equals("valid")) {
          failures.add(c.fail("rejected a valid public key: " + e.getMessage()));
        }
      }
    }
    assertThat(cases).hasSize(11);
    assertThat(failures).isEmpty();
  }

  /**
   * Verifies one case through RAW, and through DIGEST when the algorithm has one (the digest made
   * here with the algorithm's hash), and checks both answers against the expected result.
   */
  private static void checkSignature(
      List<String> failures, Wycheproof.Case c, AsymmetricPublicKey key, SigningAlgorithm algorithm,
      boolean alsoDigest) throws Exception {
    byte[] msg = c.hex("msg");
    byte[] sig = c.hex("sig");
    List<SigningInput> inputs = new ArrayList<>();
    if (algorithm.accepts(MessageType.RAW) && msg.length <= SigningAlgorithm.MAX_RAW_MESSAGE_LENGTH) {
      inputs.add(SigningInput.raw(msg));
    }
    if (alsoDigest) {
      inputs.add(SigningInput.digest(MessageDigest.getInstance(algorithm.hash()).digest(msg)));
    }
    for (SigningInput input : inputs) {
      boolean ok = Signatures.verify(key, algorithm, input, sig);
      if (ok && c.result().equals("invalid")) {
        failures.add(c.fail(input.type() + " accepted an invalid signature"));
      }
      if (!ok && c.result().equals("valid")) {
        failures.add(c.fail(input.type() + " rejected a valid signature"));
      }
    }
  }

  /** A P-256 key pair from a raw private scalar, via a minimal PKCS#8 (RFC 5915 inside RFC 5208). */
  private static AsymmetricKeyPair p256FromScalar(byte[] scalar) {
    byte[] d = new byte[32];
    System.arraycopy(scalar, scalar.length - 32, d, 0, 32);
    byte[] pkcs8 =
        HexFormat.of()
            .parseHex(
                "3041020100301306072a8648ce3d020106082a8648ce3d030107042730250201010420"
                    + HexFormat.of().formatHex(d));
    return AsymmetricKeyPair.fromPkcs8(AsymmetricKeySpec.ECC_NIST_P256, SecretBytes.copyOf(pkcs8));
  }
}
