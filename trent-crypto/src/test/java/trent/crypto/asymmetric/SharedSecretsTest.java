package trent.crypto.asymmetric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import trent.crypto.SecretBytes;

class SharedSecretsTest {

  @Test
  void bothSidesDeriveTheSameRawSecret() {
    Map<AsymmetricKeySpec, Integer> lengths = Map.of(
        AsymmetricKeySpec.ECC_NIST_P256, 32, AsymmetricKeySpec.ECC_NIST_P384, 48,
        AsymmetricKeySpec.ECC_NIST_P521, 66, AsymmetricKeySpec.SM2, 32);
    lengths.forEach((spec, length) -> {
      AsymmetricKeyPair ours = TestKeys.pair(spec);
      AsymmetricKeyPair peer = AsymmetricKeyPair.generate(spec, TestKeys.RANDOM);
      AsymmetricPublicKey peerPublic = AsymmetricPublicKey.fromSubjectPublicKeyInfo(spec, peer.publicKey().subjectPublicKeyInfo());
      try (SecretBytes a = SharedSecrets.derive(ours, KeyAgreementAlgorithm.ECDH, peerPublic);
          SecretBytes b = SharedSecrets.derive(peer, KeyAgreementAlgorithm.ECDH, ours.publicKey())) {
        assertThat(a.length()).as(spec.name()).isEqualTo(length);
        assertThat(a.equalsConstantTime(b)).as(spec.name()).isTrue();
      }
    });
  }

  @Test
  void peerOnAnotherCurveIsRejectedClearly() {
    AsymmetricKeyPair p256 = TestKeys.pair(AsymmetricKeySpec.ECC_NIST_P256);
    AsymmetricPublicKey p384 = TestKeys.pair(AsymmetricKeySpec.ECC_NIST_P384).publicKey();
    assertThatThrownBy(() -> SharedSecrets.derive(p256, KeyAgreementAlgorithm.ECDH, p384))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("ECC_NIST_P384").hasMessageContaining("ECC_NIST_P256");
    byte[] p384Der = p384.subjectPublicKeyInfo();
    assertThatThrownBy(() -> AsymmetricPublicKey.fromSubjectPublicKeyInfo(AsymmetricKeySpec.ECC_NIST_P256, p384Der))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("curve 1.3.132.0.34");
  }

  @Test
  void specsWithoutKeyAgreementRefuse() {
    AsymmetricKeyPair k1 = TestKeys.pair(AsymmetricKeySpec.ECC_SECG_P256K1);
    assertThatThrownBy(() -> SharedSecrets.derive(k1, KeyAgreementAlgorithm.ECDH, k1.publicKey()))
        .isInstanceOf(AlgorithmNotSupportedException.class);
  }
}
