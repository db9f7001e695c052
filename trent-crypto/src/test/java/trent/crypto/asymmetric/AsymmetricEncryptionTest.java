package trent.crypto.asymmetric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import trent.crypto.IntegrityException;

class AsymmetricEncryptionTest {

  static Stream<Arguments> everySpecAndAlgorithm() {
    List<Arguments> out = new ArrayList<>();
    for (AsymmetricKeySpec spec : AsymmetricKeySpec.values()) {
      for (EncryptionAlgorithm algorithm : spec.encryptionAlgorithms()) {
        out.add(Arguments.of(spec, algorithm));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("everySpecAndAlgorithm")
  void roundTripsUpToTheLimitAndRejectsMore(AsymmetricKeySpec spec, EncryptionAlgorithm algorithm) {
    AsymmetricKeyPair pair = TestKeys.pair(spec);
    int max = algorithm.maxPlaintextLength(spec);
    for (int length : new int[] {1, max}) {
      byte[] plaintext = new byte[length];
      TestKeys.RANDOM.nextBytes(plaintext);
      byte[] ciphertext = AsymmetricEncryption.encrypt(pair.publicKey(), algorithm, plaintext, TestKeys.RANDOM);
      assertThat(AsymmetricEncryption.decrypt(pair, algorithm, ciphertext)).isEqualTo(plaintext);
      byte[] tampered = ciphertext.clone();
      tampered[tampered.length - 1] ^= 0x01;
      assertThatThrownBy(() -> AsymmetricEncryption.decrypt(pair, algorithm, tampered)).isInstanceOf(IntegrityException.class);
      assertThatThrownBy(() -> AsymmetricEncryption.decrypt(pair, algorithm, new byte[3])).isInstanceOf(IntegrityException.class);
    }
    assertThatThrownBy(() -> AsymmetricEncryption.encrypt(pair.publicKey(), algorithm, new byte[max + 1], TestKeys.RANDOM))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining(String.valueOf(max));
  }

  @Test
  void oaepSha1AndSha256AreDistinct() {
    AsymmetricKeyPair pair = TestKeys.pair(AsymmetricKeySpec.RSA_2048);
    byte[] ct = AsymmetricEncryption.encrypt(pair.publicKey(), EncryptionAlgorithm.RSAES_OAEP_SHA_1, new byte[] {7}, TestKeys.RANDOM);
    assertThatThrownBy(() -> AsymmetricEncryption.decrypt(pair, EncryptionAlgorithm.RSAES_OAEP_SHA_256, ct)).isInstanceOf(IntegrityException.class);
  }

  @Test
  void wrongAlgorithmForSpecIsRejected() {
    AsymmetricKeyPair rsa = TestKeys.pair(AsymmetricKeySpec.RSA_2048);
    assertThatThrownBy(() -> AsymmetricEncryption.encrypt(rsa.publicKey(), EncryptionAlgorithm.SM2PKE, new byte[1], TestKeys.RANDOM))
        .isInstanceOf(AlgorithmNotSupportedException.class).hasMessageContaining("SM2PKE").hasMessageContaining("RSA_2048");
    AsymmetricKeyPair p256 = TestKeys.pair(AsymmetricKeySpec.ECC_NIST_P256);
    assertThatThrownBy(() -> AsymmetricEncryption.decrypt(p256, EncryptionAlgorithm.RSAES_OAEP_SHA_256, new byte[256]))
        .isInstanceOf(AlgorithmNotSupportedException.class);
  }
}
