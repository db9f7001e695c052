package trent.domain.ciphertext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import trent.crypto.SecretBytes;

class CiphertextFormatTest {

  private static final String KEY_A = "1234abcd-12ab-34cd-56ef-1234567890ab";
  private static final String KEY_B = "0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0ff";
  private static final String MRK = "mrk-1234abcd12ab34cd56ef1234567890ab";
  private static final String MATERIAL_1 = "11".repeat(32);
  private static final String MATERIAL_2 = "22".repeat(32);

  private final SecureRandom random = new SecureRandom();
  private final CiphertextFormat format = new CiphertextFormat(random);
  private final SecretBytes material = SecretBytes.random(32, random);
  private final EncryptionContext context =
      EncryptionContext.of(Map.of("purpose", "test", "tenant", "blue"));

  private BackingKey key(String keyId, String materialId) {
    return BackingKey.of(keyId, materialId, material);
  }

  private static SecretBytes text(String s) {
    return SecretBytes.copyOf(s.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void sealsAndOpensAndTheHeaderNamesKeyAndMaterial() {
    BackingKey key = key(KEY_A, MATERIAL_1);
    byte[] blob = format.seal(key, text("hello"), context);

    assertThat(blob).hasSize(CiphertextFormat.OVERHEAD + 5);
    CiphertextHeader header = format.parseHeader(blob);
    assertThat(header.keyId()).isEqualTo(KEY_A);
    assertThat(header.keyMaterialId()).isEqualTo(MATERIAL_1);
    assertThat(format.open(key, blob, context).revealCopy())
        .isEqualTo("hello".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void multiRegionKeyIdsRoundTrip() {
    BackingKey key = key(MRK, MATERIAL_2);
    byte[] blob = format.seal(key, text("x"), EncryptionContext.empty());
    assertThat(format.parseHeader(blob).keyId()).isEqualTo(MRK);
    assertThat(blob[1]).isEqualTo((byte) 2);
    assertThat(format.open(key, blob, EncryptionContext.empty()).revealCopy()).containsExactly('x');
  }

  @Test
  void everySealUsesAFreshNonce() {
    BackingKey key = key(KEY_A, MATERIAL_1);
    byte[] a = format.seal(key, text("same"), context);
    byte[] b = format.seal(key, text("same"), context);
    assertThat(format.parseHeader(a).nonce()).isNotEqualTo(format.parseHeader(b).nonce());
    assertThat(a).isNotEqualTo(b);
  }

  @Test
  void blobsStayWithinTheApisLimitForTheLargestPlaintext() {
    byte[] blob = format.seal(key(KEY_A, MATERIAL_1), SecretBytes.random(4096, random), context);
    assertThat(blob).hasSize(CiphertextFormat.MAX_BLOB_LENGTH);
    assertThat(CiphertextFormat.MAX_BLOB_LENGTH).isLessThanOrEqualTo(6144);
  }

  @Test
  void rejectsPlaintextsOutsideOneTo4096Bytes() {
    BackingKey key = key(KEY_A, MATERIAL_1);
    assertThatThrownBy(() -> format.seal(key, SecretBytes.copyOf(new byte[0]), context))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> format.seal(key, SecretBytes.random(4097, random), context))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aChangedMissingOrExtraContextEntryFails() {
    BackingKey key = key(KEY_A, MATERIAL_1);
    byte[] blob = format.seal(key, text("secret"), context);

    for (Map<String, String> other : java.util.List.of(
        Map.of("purpose", "test", "tenant", "red"),
        Map.of("purpose", "test", "Tenant", "blue"),
        Map.of("purpose", "test"),
        Map.of("purpose", "test", "tenant", "blue", "extra", ""),
        Map.<String, String>of())) {
      assertThatThrownBy(() -> format.open(key, blob, EncryptionContext.of(other)))
          .as("%s", other)
          .isInstanceOf(MalformedCiphertextException.class);
    }
  }

  @Test
  void contextOrderDoesNotMatter() {
    BackingKey key = key(KEY_A, MATERIAL_1);
    Map<String, String> forward = new LinkedHashMap<>();
    forward.put("a", "1");
    forward.put("b", "2");
    Map<String, String> backward = new LinkedHashMap<>();
    backward.put("b", "2");
    backward.put("a", "1");
    byte[] blob = format.seal(key, text("secret"), EncryptionContext.of(forward));
    assertThat(format.open(key, blob, EncryptionContext.of(backward)).revealCopy())
        .isEqualTo("secret".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void concatenationCollidingContextsDoNotOpenEachOther() {
    BackingKey key = key(KEY_A, MATERIAL_1);
    byte[] blob = format.seal(key, text("secret"), EncryptionContext.of(Map.of("a", "bc")));
    assertThatThrownBy(() -> format.open(key, blob, EncryptionContext.of(Map.of("ab", "c"))))
        .isInstanceOf(MalformedCiphertextException.class);
  }

  @Test
  void otherKeyMaterialFailsEvenWithTheSameSecret() {
    byte[] blob = format.seal(key(KEY_A, MATERIAL_1), text("secret"), context);

    assertThatThrownBy(() -> format.open(key(KEY_A, MATERIAL_2), blob, context))
        .isInstanceOf(MalformedCiphertextException.class);
    assertThatThrownBy(() -> format.open(key(KEY_B, MATERIAL_1), blob, context))
        .isInstanceOf(MalformedCiphertextException.class);
    BackingKey sameNamesOtherSecret = BackingKey.of(KEY_A, MATERIAL_1, SecretBytes.random(32, random));
    assertThatThrownBy(() -> format.open(sameNamesOtherSecret, blob, context))
        .isInstanceOf(MalformedCiphertextException.class);
  }

  @Test
  void aHeaderRewrittenToNameAnotherKeyFails() {
    // Same secret under two names: only the AAD (which carries the header) tells them apart.
    byte[] blob = format.seal(key(KEY_A, MATERIAL_1), text("secret"), context);
    byte[] moved = blob.clone();
    System.arraycopy(HexFormat.of().parseHex(MATERIAL_2), 0, moved, 18, 32);
    assertThat(format.parseHeader(moved).keyMaterialId()).isEqualTo(MATERIAL_2);
    assertThatThrownBy(() -> format.open(key(KEY_A, MATERIAL_2), moved, context))
        .isInstanceOf(MalformedCiphertextException.class);

    byte[] otherKey = blob.clone();
    System.arraycopy(HexFormat.of().parseHex(KEY_B.replace("-", "")), 0, otherKey, 2, 16);
    assertThat(format.parseHeader(otherKey).keyId()).isEqualTo(KEY_B);
    assertThatThrownBy(() -> format.open(key(KEY_B, MATERIAL_1), otherKey, context))
        .isInstanceOf(MalformedCiphertextException.class);
  }

  @Test
  void parsingRejectsBadLengthsVersionsAndKinds() {
    byte[] blob = format.seal(key(KEY_A, MATERIAL_1), text("secret"), context);

    assertThatThrownBy(() -> format.parseHeader(new byte[0]))
        .isInstanceOf(MalformedCiphertextException.class);
    assertThatThrownBy(() -> format.parseHeader(new byte[CiphertextFormat.MIN_BLOB_LENGTH - 1]))
        .isInstanceOf(MalformedCiphertextException.class);
    assertThatThrownBy(() -> format.parseHeader(new byte[CiphertextFormat.MAX_BLOB_LENGTH + 1]))
        .isInstanceOf(MalformedCiphertextException.class);
    for (int version : new int[] {0, 2, 0xff}) {
      byte[] b = blob.clone();
      b[0] = (byte) version;
      assertThatThrownBy(() -> format.parseHeader(b))
          .isInstanceOf(MalformedCiphertextException.class)
          .hasMessageContaining("version");
    }
    for (int kind : new int[] {0, 3, 0xff}) {
      byte[] b = blob.clone();
      b[1] = (byte) kind;
      assertThatThrownBy(() -> format.parseHeader(b))
          .isInstanceOf(MalformedCiphertextException.class)
          .hasMessageContaining("kind");
    }
  }

  /**
   * Opening compares the header's key id kind, key id and key material id with the key's as bytes,
   * without parsing them: every change of one of those bytes, and every bad length or version, is
   * refused before any decryption.
   */
  @Test
  void openingChecksTheFrameAndEveryByteThatNamesTheKey() {
    BackingKey key = key(KEY_A, MATERIAL_1);
    byte[] blob = format.seal(key, text("secret"), context);
    for (int i = 1; i < 2 + 16 + 32; i++) {
      byte[] b = blob.clone();
      b[i] ^= 0x01;
      assertThatThrownBy(() -> format.open(key, b, context))
          .isInstanceOf(MalformedCiphertextException.class)
          .hasMessageContaining("other key material");
    }
    byte[] mrk = format.seal(key("mrk-" + "0123456789abcdef0123456789abcdef", MATERIAL_1), text("secret"), context);
    assertThatThrownBy(() -> format.open(key, mrk, context))
        .isInstanceOf(MalformedCiphertextException.class)
        .hasMessageContaining("other key material");
    byte[] version = blob.clone();
    version[0] = 2;
    assertThatThrownBy(() -> format.open(key, version, context)).hasMessageContaining("version");
    assertThatThrownBy(() -> format.open(key, java.util.Arrays.copyOf(blob, CiphertextFormat.MIN_BLOB_LENGTH - 1),
        context)).hasMessageContaining("shorter");
    assertThatThrownBy(() -> format.open(key, new byte[CiphertextFormat.MAX_BLOB_LENGTH + 1], context))
        .hasMessageContaining("longer");
    assertThat(format.open(key, blob, context).revealCopy()).isEqualTo(text("secret").revealCopy());
  }

  @Test
  void backingKeysRejectNonCanonicalIdsAndWrongSizes() {
    for (String bad : new String[] {
        "1234ABCD-12AB-34CD-56EF-1234567890AB", "1234abcd12ab34cd56ef1234567890ab",
        "mrk-1234ABCD12AB34CD56EF1234567890AB", "alias/foo", ""}) {
      assertThatThrownBy(() -> BackingKey.of(bad, MATERIAL_1, material))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThatThrownBy(() -> BackingKey.of(KEY_A, "AB".repeat(32), material))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> BackingKey.of(KEY_A, "ab".repeat(31), material))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> BackingKey.of(KEY_A, MATERIAL_1, SecretBytes.random(16, random)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aClosedBackingKeyNoLongerWorks() {
    BackingKey key = key(KEY_A, MATERIAL_1);
    byte[] blob = format.seal(key, text("secret"), context);
    key.close();
    assertThatThrownBy(() -> format.open(key, blob, context)).isInstanceOf(IllegalStateException.class);
    assertThat(key.toString()).contains(KEY_A).contains(MATERIAL_1);
  }
}
