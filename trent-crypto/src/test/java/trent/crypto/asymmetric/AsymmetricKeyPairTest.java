package trent.crypto.asymmetric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import trent.crypto.SecretBytes;

class AsymmetricKeyPairTest {

  @ParameterizedTest
  @EnumSource(AsymmetricKeySpec.class)
  void pkcs8AndSubjectPublicKeyInfoRoundTrip(AsymmetricKeySpec spec) {
    AsymmetricKeyPair pair = TestKeys.pair(spec);
    try (SecretBytes pkcs8 = pair.revealPkcs8()) {
      AsymmetricKeyPair reloaded = AsymmetricKeyPair.fromPkcs8(spec, pkcs8);
      assertThat(reloaded.publicKey()).isEqualTo(pair.publicKey());
      SigningAlgorithm algorithm = spec.signingAlgorithms().get(0);
      SigningInput input = algorithm.accepts(MessageType.RAW) ? SigningInput.raw(new byte[] {1, 2, 3}) : SigningInput.digest(new byte[64]);
      byte[] sig = Signatures.sign(reloaded, algorithm, input, TestKeys.RANDOM);
      assertThat(Signatures.verify(pair.publicKey(), algorithm, input, sig)).isTrue();
    }
    byte[] spki = pair.publicKey().subjectPublicKeyInfo();
    assertThat(AsymmetricPublicKey.fromSubjectPublicKeyInfo(spec, spki)).isEqualTo(pair.publicKey());
    assertThat(spki[0]).isEqualTo((byte) 0x30);
    assertThat(pair.toString()).isEqualTo("AsymmetricKeyPair[" + spec + "]");
  }

  @Test
  void keysOfAnotherSpecAreRejected() {
    AsymmetricKeyPair p256 = TestKeys.pair(AsymmetricKeySpec.ECC_NIST_P256);
    byte[] spki = p256.publicKey().subjectPublicKeyInfo();
    for (AsymmetricKeySpec other : new AsymmetricKeySpec[] {AsymmetricKeySpec.ECC_NIST_P384, AsymmetricKeySpec.ECC_SECG_P256K1, AsymmetricKeySpec.SM2, AsymmetricKeySpec.RSA_2048, AsymmetricKeySpec.ECC_NIST_EDWARDS25519, AsymmetricKeySpec.ML_DSA_44}) {
      assertThatThrownBy(() -> AsymmetricPublicKey.fromSubjectPublicKeyInfo(other, spki)).as(other.name()).isInstanceOf(InvalidInputException.class);
      try (SecretBytes pkcs8 = p256.revealPkcs8()) {
        assertThatThrownBy(() -> AsymmetricKeyPair.fromPkcs8(other, pkcs8)).as(other.name()).isInstanceOf(InvalidInputException.class);
      }
    }
    byte[] rsa2048 = TestKeys.pair(AsymmetricKeySpec.RSA_2048).publicKey().subjectPublicKeyInfo();
    assertThatThrownBy(() -> AsymmetricPublicKey.fromSubjectPublicKeyInfo(AsymmetricKeySpec.RSA_3072, rsa2048))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("2048");
    byte[] mldsa44 = TestKeys.pair(AsymmetricKeySpec.ML_DSA_44).publicKey().subjectPublicKeyInfo();
    assertThatThrownBy(() -> AsymmetricPublicKey.fromSubjectPublicKeyInfo(AsymmetricKeySpec.ML_DSA_65, mldsa44)).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> AsymmetricPublicKey.fromSubjectPublicKeyInfo(AsymmetricKeySpec.ECC_NIST_P256, new byte[] {0x30, 0x00})).isInstanceOf(InvalidInputException.class);
  }

  @Test
  void offCurvePointsAreRejected() {
    byte[] spki = TestKeys.pair(AsymmetricKeySpec.ECC_NIST_P256).publicKey().subjectPublicKeyInfo();
    spki[spki.length - 1] ^= 0x01; // y changed: the point leaves the curve
    assertThatThrownBy(() -> AsymmetricPublicKey.fromSubjectPublicKeyInfo(AsymmetricKeySpec.ECC_NIST_P256, spki))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("curve");
    byte[] sm2 = TestKeys.pair(AsymmetricKeySpec.SM2).publicKey().subjectPublicKeyInfo();
    sm2[sm2.length - 1] ^= 0x01;
    assertThatThrownBy(() -> AsymmetricPublicKey.fromSubjectPublicKeyInfo(AsymmetricKeySpec.SM2, sm2)).isInstanceOf(InvalidInputException.class);
  }

  @Test
  void specsListAwsAlgorithms() {
    assertThat(AsymmetricKeySpec.ECC_NIST_P384.signingAlgorithms()).containsExactly(SigningAlgorithm.ECDSA_SHA_384);
    assertThat(AsymmetricKeySpec.ECC_SECG_P256K1.signingAlgorithms()).containsExactly(SigningAlgorithm.ECDSA_SHA_256);
    assertThat(AsymmetricKeySpec.ECC_SECG_P256K1.supportsKeyAgreement()).isFalse();
    assertThat(AsymmetricKeySpec.SM2.encryptionAlgorithms()).containsExactly(EncryptionAlgorithm.SM2PKE);
    assertThat(AsymmetricKeySpec.RSA_4096.encryptionAlgorithms()).containsExactly(EncryptionAlgorithm.RSAES_OAEP_SHA_1, EncryptionAlgorithm.RSAES_OAEP_SHA_256);
    assertThat(EncryptionAlgorithm.RSAES_OAEP_SHA_1.maxPlaintextLength(AsymmetricKeySpec.RSA_2048)).isEqualTo(214);
    assertThat(EncryptionAlgorithm.RSAES_OAEP_SHA_256.maxPlaintextLength(AsymmetricKeySpec.RSA_2048)).isEqualTo(190);
    assertThat(EncryptionAlgorithm.RSAES_OAEP_SHA_1.maxPlaintextLength(AsymmetricKeySpec.RSA_3072)).isEqualTo(342);
    assertThat(EncryptionAlgorithm.RSAES_OAEP_SHA_256.maxPlaintextLength(AsymmetricKeySpec.RSA_3072)).isEqualTo(318);
    assertThat(EncryptionAlgorithm.RSAES_OAEP_SHA_1.maxPlaintextLength(AsymmetricKeySpec.RSA_4096)).isEqualTo(470);
    assertThat(EncryptionAlgorithm.RSAES_OAEP_SHA_256.maxPlaintextLength(AsymmetricKeySpec.RSA_4096)).isEqualTo(446);
  }
}
