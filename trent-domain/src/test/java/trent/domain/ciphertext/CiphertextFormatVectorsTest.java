package trent.domain.ciphertext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import trent.crypto.SecretBytes;

/**
 * Pins format version 1 to blobs computed by an independent implementation. Blobs written today
 * must open forever: a failure here means the format changed, which needs a new version.
 */
class CiphertextFormatVectorsTest {

  private final CiphertextFormat format = new CiphertextFormat(new SecureRandom());

  static List<CiphertextVector> vectors() {
    return CiphertextVector.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void sealingWithTheVectorsNonceGivesTheVectorsBlob(CiphertextVector v) {
    try (BackingKey key = v.backingKeyValue()) {
      byte[] blob = CiphertextFormat.sealWithInsecureFixedNonceForTesting(
          key, v.nonce(), SecretBytes.copyOf(v.plaintext()), v.context());
      assertThat(blob).isEqualTo(v.blob());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void theVectorsBlobParsesAndOpens(CiphertextVector v) {
    CiphertextHeader header = format.parseHeader(v.blob());
    assertThat(header.formatVersion()).isEqualTo(1);
    assertThat(header.keyId()).isEqualTo(v.keyId());
    assertThat(header.keyMaterialId()).isEqualTo(v.keyMaterialId());
    assertThat(header.nonce()).isEqualTo(v.nonce());
    try (BackingKey key = v.backingKeyValue()) {
      assertThat(format.open(key, v.blob(), v.context()).revealCopy()).isEqualTo(v.plaintext());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void everyBitFlipOfTheVectorFails(CiphertextVector v) {
    try (BackingKey key = v.backingKeyValue()) {
      byte[] blob = v.blob();
      for (int bit = 0; bit < blob.length * 8; bit++) {
        byte[] b = blob.clone();
        b[bit / 8] ^= (byte) (1 << (bit % 8));
        int flipped = bit;
        assertThatThrownBy(() -> format.open(key, b, v.context()))
            .as("bit %d", flipped)
            .isInstanceOf(MalformedCiphertextException.class);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void everyTruncationAndAnAppendedByteFail(CiphertextVector v) {
    try (BackingKey key = v.backingKeyValue()) {
      for (int len = 0; len < v.blob().length; len++) {
        byte[] cut = Arrays.copyOf(v.blob(), len);
        assertThatThrownBy(() -> format.open(key, cut, v.context()))
            .isInstanceOf(MalformedCiphertextException.class);
      }
      byte[] longer = Arrays.copyOf(v.blob(), v.blob().length + 1);
      assertThatThrownBy(() -> format.open(key, longer, v.context()))
          .isInstanceOf(MalformedCiphertextException.class);
    }
  }

  @Test
  void theFileCoversTheCasesItMustCover() {
    List<CiphertextVector> all = vectors();
    assertThat(all).extracting(CiphertextVector::name).doesNotHaveDuplicates();
    assertThat(all).anySatisfy(v -> assertThat(v.encryptionContext()).isEmpty());
    assertThat(all).anySatisfy(v -> assertThat(v.plaintext()).hasSize(1));
    assertThat(all).anySatisfy(v -> assertThat(v.plaintext()).hasSize(4096));
    assertThat(all).anySatisfy(v -> assertThat(v.keyId()).startsWith("mrk-"));
    assertThat(all).anySatisfy(
        v -> assertThat(v.encryptionContext().keySet()).anyMatch(k -> k.codePoints().anyMatch(c -> c > 0xFFFF)));
  }

  @Test
  void theCollidingContextsOfAConcatenatingEncodingGiveDifferentBlobs() {
    CiphertextVector abc = byName("context {\"a\":\"bc\"}");
    CiphertextVector abC = byName("context {\"ab\":\"c\"}");
    assertThat(abc.nonce()).isEqualTo(abC.nonce());
    assertThat(abc.plaintext()).isEqualTo(abC.plaintext());
    assertThat(abc.blob()).isNotEqualTo(abC.blob());
    try (BackingKey key = abc.backingKeyValue()) {
      assertThatThrownBy(() -> format.open(key, abc.blob(), EncryptionContext.of(Map.of("ab", "c"))))
          .isInstanceOf(MalformedCiphertextException.class);
    }
  }

  private static CiphertextVector byName(String name) {
    return vectors().stream().filter(v -> v.name().equals(name)).findFirst().orElseThrow();
  }
}
