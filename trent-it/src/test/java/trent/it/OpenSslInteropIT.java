package trent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import trent.crypto.asymmetric.AsymmetricEncryption;
import trent.crypto.asymmetric.AsymmetricKeyPair;
import trent.crypto.asymmetric.AsymmetricKeySpec;
import trent.crypto.asymmetric.EncryptionAlgorithm;

/**
 * Trent against the {@code openssl} command line: OpenSSL loads every public key GetPublicKey
 * returns, verifies Trent's RSA (PKCS #1 v1.5 and PSS), ECDSA and Ed25519 signatures, encrypts with
 * RSA-OAEP for Trent to decrypt, derives the same ECDH secret as DeriveSharedSecret, loads the
 * PKCS#8 private keys of GenerateDataKeyPair, and decrypts RSA-OAEP ciphertexts made by Trent's
 * encryption code. Skipped without {@code openssl} (required under CI).
 */
class OpenSslInteropIT {

  static RunningTrent trent;
  static KmsClient kms;
  static Keys keys;
  static final byte[] MESSAGE = "signed by Trent, checked by OpenSSL".getBytes(StandardCharsets.UTF_8);

  @TempDir
  Path dir;

  @BeforeAll
  static void start() throws Exception {
    trent = RunningTrent.developmentMode();
    kms = trent.client();
    keys = new Keys(kms);
  }

  @AfterAll
  static void stop() throws Exception {
    kms.close();
    trent.close();
  }

  @BeforeEach
  void openssl() {
    OpenSsl.assumeAvailable();
  }

  /** GetPublicKey's DER, loaded by OpenSSL and written back as PEM. */
  Path publicKeyPem(String keyId) throws Exception {
    Path der = OpenSsl.write(dir, "pub.der", kms.getPublicKey(r -> r.keyId(keyId)).publicKey().asByteArray());
    Path pem = dir.resolve("pub.pem");
    OpenSsl.Result loaded = OpenSsl.run("pkey", "-pubin", "-inform", "DER", "-in", der.toString(), "-out", pem.toString());
    assertThat(loaded.ok()).as(loaded.output()).isTrue();
    return pem;
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({"RSA_2048,RSASSA_PKCS1_V1_5_SHA_256", "RSA_3072,RSASSA_PKCS1_V1_5_SHA_384",
      "RSA_4096,RSASSA_PKCS1_V1_5_SHA_512", "RSA_2048,RSASSA_PSS_SHA_256", "RSA_3072,RSASSA_PSS_SHA_384",
      "RSA_4096,RSASSA_PSS_SHA_512", "ECC_NIST_P256,ECDSA_SHA_256", "ECC_NIST_P384,ECDSA_SHA_384",
      "ECC_NIST_P521,ECDSA_SHA_512", "ECC_SECG_P256K1,ECDSA_SHA_256", "ECC_NIST_EDWARDS25519,ED25519_SHA_512"})
  void openSslVerifiesTrentSignatures(String spec, String algorithm) throws Exception {
    String keyId = keys.of(spec, "SIGN_VERIFY");
    Path pem = publicKeyPem(keyId);
    Path message = OpenSsl.write(dir, "message", MESSAGE);
    for (String type : SignVerifyIT.messageTypes(algorithm)) {
      byte[] input = type.equals("RAW") ? MESSAGE : Independent.sha(SignVerifyIT.hash(algorithm), MESSAGE);
      byte[] signature = kms.sign(r -> r.keyId(keyId).signingAlgorithm(algorithm).messageType(type)
          .message(SdkBytes.fromByteArray(input))).signature().asByteArray();
      Path sig = OpenSsl.write(dir, "signature", signature);
      List<String> args = new ArrayList<>();
      if (algorithm.startsWith("ED25519")) {
        args.addAll(List.of("pkeyutl", "-verify", "-pubin", "-inkey", pem.toString(), "-rawin", "-in",
            message.toString(), "-sigfile", sig.toString()));
      } else {
        String digest = "-" + SignVerifyIT.hash(algorithm).replace("-", "").toLowerCase();
        args.addAll(List.of("dgst", digest, "-verify", pem.toString(), "-signature", sig.toString()));
        if (algorithm.startsWith("RSASSA_PSS")) {
          args.addAll(List.of("-sigopt", "rsa_padding_mode:pss", "-sigopt", "rsa_pss_saltlen:digest"));
        }
        args.add(message.toString());
      }
      OpenSsl.Result verified = OpenSsl.run(args);
      assertThat(verified.ok()).as("%s %s %s: %s", spec, algorithm, type, verified.output()).isTrue();
      assertThat(verified.output()).contains("Verified");
      signature[signature.length / 2] ^= 1;
      OpenSsl.write(dir, "signature", signature);
      assertThat(OpenSsl.run(args).ok()).as("OpenSSL rejects a tampered signature").isFalse();
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({"RSA_2048,RSAES_OAEP_SHA_1,sha1", "RSA_3072,RSAES_OAEP_SHA_256,sha256", "RSA_4096,RSAES_OAEP_SHA_256,sha256"})
  void trentDecryptsWhatOpenSslEncrypts(String spec, String algorithm, String md) throws Exception {
    String keyId = keys.of(spec, "ENCRYPT_DECRYPT");
    Path pem = publicKeyPem(keyId);
    Path plaintext = OpenSsl.write(dir, "plaintext", MESSAGE);
    Path ciphertext = dir.resolve("ciphertext");
    OpenSsl.Result encrypted = OpenSsl.run("pkeyutl", "-encrypt", "-pubin", "-inkey", pem.toString(),
        "-in", plaintext.toString(), "-out", ciphertext.toString(), "-pkeyopt", "rsa_padding_mode:oaep",
        "-pkeyopt", "rsa_oaep_md:" + md, "-pkeyopt", "rsa_mgf1_md:" + md);
    assertThat(encrypted.ok()).as(encrypted.output()).isTrue();
    byte[] blob = Files.readAllBytes(ciphertext);
    assertThat(kms.decrypt(r -> r.keyId(keyId).encryptionAlgorithm(algorithm)
        .ciphertextBlob(SdkBytes.fromByteArray(blob))).plaintext().asByteArray()).isEqualTo(MESSAGE);
  }

  /**
   * The private key of a KMS key never leaves Trent, so OpenSSL decrypts what Trent's own RSA-OAEP
   * code (the code Encrypt runs) encrypted to a key pair exported for the test.
   */
  @ParameterizedTest
  @CsvSource({"RSAES_OAEP_SHA_1,sha1", "RSAES_OAEP_SHA_256,sha256"})
  void openSslDecryptsTrentOaepCiphertexts(String algorithm, String md) throws Exception {
    AsymmetricKeyPair pair = AsymmetricKeyPair.generate(AsymmetricKeySpec.RSA_2048, new java.security.SecureRandom());
    Path key = OpenSsl.write(dir, "key.der", pair.revealPkcs8().revealCopy());
    byte[] ciphertext = AsymmetricEncryption.encrypt(pair.publicKey(), EncryptionAlgorithm.valueOf(algorithm), MESSAGE,
        new java.security.SecureRandom());
    Path in = OpenSsl.write(dir, "ciphertext", ciphertext);
    Path out = dir.resolve("plaintext");
    OpenSsl.Result decrypted = OpenSsl.run("pkeyutl", "-decrypt", "-inkey", key.toString(), "-keyform", "DER",
        "-in", in.toString(), "-out", out.toString(), "-pkeyopt", "rsa_padding_mode:oaep",
        "-pkeyopt", "rsa_oaep_md:" + md, "-pkeyopt", "rsa_mgf1_md:" + md);
    assertThat(decrypted.ok()).as(decrypted.output()).isTrue();
    assertThat(Files.readAllBytes(out)).isEqualTo(MESSAGE);
  }

  @ParameterizedTest
  @CsvSource({"ECC_NIST_P256,P-256", "ECC_NIST_P384,P-384", "ECC_NIST_P521,P-521"})
  void deriveSharedSecretEqualsOpenSslsEcdh(String spec, String curve) throws Exception {
    String keyId = keys.of(spec, "KEY_AGREEMENT");
    Path kmsPublic = publicKeyPem(keyId);
    Path peer = dir.resolve("peer.pem");
    assertThat(OpenSsl.run("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:" + curve,
        "-out", peer.toString()).ok()).isTrue();
    Path peerPublic = dir.resolve("peer-pub.der");
    assertThat(OpenSsl.run("pkey", "-in", peer.toString(), "-pubout", "-outform", "DER", "-out", peerPublic.toString())
        .ok()).isTrue();
    Path secret = dir.resolve("secret");
    OpenSsl.Result derived = OpenSsl.run("pkeyutl", "-derive", "-inkey", peer.toString(), "-peerkey",
        kmsPublic.toString(), "-out", secret.toString());
    assertThat(derived.ok()).as(derived.output()).isTrue();
    byte[] peerDer = Files.readAllBytes(peerPublic);
    assertThat(kms.deriveSharedSecret(r -> r.keyId(keyId).keyAgreementAlgorithm("ECDH")
        .publicKey(SdkBytes.fromByteArray(peerDer))).sharedSecret().asByteArray()).isEqualTo(Files.readAllBytes(secret));
  }

  @Test
  void openSslLoadsDataKeyPairs() throws Exception {
    String keyId = kms.createKey(r -> r.description("data key pairs")).keyMetadata().keyId();
    for (String spec : List.of("RSA_2048", "ECC_NIST_P256", "ECC_NIST_P521", "ECC_SECG_P256K1", "ECC_NIST_EDWARDS25519")) {
      var pair = kms.generateDataKeyPair(r -> r.keyId(keyId).keyPairSpec(spec));
      Path privateKey = OpenSsl.write(dir, "private.der", pair.privateKeyPlaintext().asByteArray());
      Path derived = dir.resolve("derived.der");
      OpenSsl.Result loaded = OpenSsl.run("pkey", "-inform", "DER", "-in", privateKey.toString(), "-pubout",
          "-outform", "DER", "-out", derived.toString());
      assertThat(loaded.ok()).as("%s: %s", spec, loaded.output()).isTrue();
      assertThat(Files.readAllBytes(derived)).as(spec).isEqualTo(pair.publicKey().asByteArray());
    }
  }
}
