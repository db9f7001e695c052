package trent.domain.ciphertext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class KeyIdsTest {

  /** The bytes a key id is written as: its hex digits without the dashes (or the mrk- prefix). */
  private static byte[] expected(String keyId) {
    return HexFormat.of().parseHex(keyId.startsWith("mrk-") ? keyId.substring(4) : keyId.replace("-", ""));
  }

  private static byte[] written(String keyId) {
    byte[] out = new byte[KeyIds.KEY_ID_BYTES + 3];
    KeyIds.writeKeyId(keyId, out, 3);
    return java.util.Arrays.copyOfRange(out, 3, out.length);
  }

  @Test
  void writesEveryKeyIdAsItsHexDigits() {
    Random random = new Random(11);
    for (int i = 0; i < 2000; i++) {
      String uuid = new UUID(random.nextLong(), random.nextLong()).toString();
      assertThat(written(uuid)).isEqualTo(expected(uuid));
      assertThat(written(uuid.toUpperCase())).isEqualTo(expected(uuid));
      String mrk = "mrk-" + HexFormat.of().formatHex(expected(uuid));
      assertThat(written(mrk)).isEqualTo(expected(mrk));
      assertThat(KeyIds.readKeyId(KeyIds.KIND_UUID, written(uuid), 0)).isEqualTo(uuid);
      assertThat(KeyIds.readKeyId(KeyIds.KIND_MULTI_REGION, written(mrk), 0)).isEqualTo(mrk);
    }
    assertThat(written("ffffffff-ffff-ffff-ffff-ffffffffffff")).containsOnly((byte) 0xff);
    assertThat(written("00000000-0000-0000-0000-000000000000")).containsOnly((byte) 0);
    assertThat(KeyIds.readKeyId(KeyIds.KIND_UUID, written("ffffffff-ffff-ffff-ffff-ffffffffffff"), 0))
        .isEqualTo("ffffffff-ffff-ffff-ffff-ffffffffffff");
    assertThat(KeyIds.readKeyId((byte) 9, new byte[16], 0)).isNull();
  }

  @Test
  void refusesWhatIsNotHex() {
    assertThatThrownBy(() -> written("1234abcd-12ab-34cd-56ef-1234567890ag")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> written("mrk-1234abcd12ab34cd56ef1234567890ag")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void acceptsOnlyTheCanonicalForms() {
    java.util.regex.Pattern uuid = java.util.regex.Pattern.compile(
        "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|mrk-[0-9a-f]{32}");
    java.util.regex.Pattern material = java.util.regex.Pattern.compile("[0-9a-f]{64}");
    String good = "1234abcd-12ab-34cd-56ef-1234567890ab";
    String mrk = "mrk-1234abcd12ab34cd56ef1234567890ab";
    String id = "0123456789abcdef".repeat(4);
    java.util.List<String> keyIds = new java.util.ArrayList<>(java.util.List.of(good, mrk, "", "mrk-", good + "0",
        good.substring(1), good.toUpperCase(), "MRK-" + mrk.substring(4), "mrk-" + good.substring(0, 32)));
    java.util.List<String> materialIds = new java.util.ArrayList<>(java.util.List.of(id, "", id + "0", id.substring(1),
        id.toUpperCase()));
    // Every single-character change of each valid form, to characters on both sides of the hex ranges.
    for (char c : "-/09:`afgAF G".toCharArray()) {
      for (int i = 0; i < 36; i++) {
        keyIds.add(good.substring(0, i) + c + good.substring(i + 1));
        keyIds.add(mrk.substring(0, i) + c + mrk.substring(i + 1));
      }
      for (int i = 0; i < 64; i++) {
        materialIds.add(id.substring(0, i) + c + id.substring(i + 1));
      }
    }
    for (String k : keyIds) {
      if (uuid.matcher(k).matches()) {
        assertThat(KeyIds.requireKeyId(k)).isEqualTo(k);
      } else {
        assertThatThrownBy(() -> KeyIds.requireKeyId(k)).as(k).isInstanceOf(IllegalArgumentException.class);
      }
    }
    for (String m : materialIds) {
      if (material.matcher(m).matches()) {
        assertThat(KeyIds.requireKeyMaterialId(m)).isEqualTo(m);
      } else {
        assertThatThrownBy(() -> KeyIds.requireKeyMaterialId(m)).as(m).isInstanceOf(IllegalArgumentException.class);
      }
    }
  }
}
