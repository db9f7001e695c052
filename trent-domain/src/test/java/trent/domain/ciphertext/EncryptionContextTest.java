package trent.domain.ciphertext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EncryptionContextTest {

  private static String hex(EncryptionContext c) {
    return HexFormat.of().formatHex(c.toCanonicalBytes());
  }

  @Test
  void encodesCountThenLengthPrefixedPairs() {
    assertThat(hex(EncryptionContext.of(Map.of("a", "bc"))))
        .isEqualTo("00000001" + "00000001" + "61" + "00000002" + "6263");
    assertThat(hex(EncryptionContext.of(Map.of("ab", "c"))))
        .isEqualTo("00000001" + "00000002" + "6162" + "00000001" + "63");
  }

  @Test
  void emptyMapIsNoContext() {
    assertThat(EncryptionContext.of(Map.of())).isSameAs(EncryptionContext.empty());
    assertThat(EncryptionContext.empty().isEmpty()).isTrue();
    assertThat(hex(EncryptionContext.empty())).isEqualTo("00000000");
  }

  @Test
  void orderOfPairsDoesNotMatter() {
    Map<String, String> one = new LinkedHashMap<>();
    one.put("b", "2");
    one.put("a", "1");
    one.put("c", "3");
    Map<String, String> two = new LinkedHashMap<>();
    two.put("c", "3");
    two.put("a", "1");
    two.put("b", "2");
    EncryptionContext x = EncryptionContext.of(one);
    EncryptionContext y = EncryptionContext.of(two);
    assertThat(x).isEqualTo(y).hasSameHashCodeAs(y);
    assertThat(x.toCanonicalBytes()).isEqualTo(y.toCanonicalBytes());
    assertThat(x.asMap().keySet()).containsExactly("a", "b", "c");
  }

  @Test
  void sortsByUtf8BytesNotUtf16CodeUnits() {
    String ligature = "\ufb01"; // U+FB01: UTF-8 EF AC 81, one UTF-16 unit FB01
    String emoji = "\ud83d\ude00"; // U+1F600: UTF-8 F0 9F 98 80, UTF-16 units D83D DE00
    assertThat(emoji.compareTo(ligature)).isNegative(); // what String order would say
    EncryptionContext c = EncryptionContext.of(Map.of(emoji, "1", ligature, "2"));
    assertThat(c.asMap().keySet()).containsExactly(ligature, emoji);
    assertThat(hex(c))
        .isEqualTo("00000002" + "00000003efac81" + "0000000132" + "00000004f09f9880" + "0000000131");
  }

  @Test
  void similarContextsDiffer() {
    assertThat(EncryptionContext.of(Map.of("a", "bc"))).isNotEqualTo(EncryptionContext.of(Map.of("ab", "c")));
    assertThat(EncryptionContext.of(Map.of("a", ""))).isNotEqualTo(EncryptionContext.empty());
    assertThat(EncryptionContext.of(Map.of("", "a"))).isNotEqualTo(EncryptionContext.of(Map.of("a", "")));
    assertThat(EncryptionContext.of(Map.of("k", "v"))).isNotEqualTo(EncryptionContext.of(Map.of("K", "v")));
  }

  @Test
  void rejectsUnpairedSurrogatesWithoutEchoingThem() {
    assertThatThrownBy(() -> EncryptionContext.of(Map.of("secret\ud800", "v")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("key is not valid Unicode")
        .hasMessageNotContaining("secret");
    assertThatThrownBy(() -> EncryptionContext.of(Map.of("k", "\udc00secret")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("value is not valid Unicode")
        .hasMessageNotContaining("secret");
  }

  @Test
  void rejectsNulls() {
    Map<String, String> nullValue = new HashMap<>();
    nullValue.put("k", null);
    assertThatThrownBy(() -> EncryptionContext.of(nullValue)).isInstanceOf(NullPointerException.class);
    Map<String, String> nullKey = new HashMap<>();
    nullKey.put(null, "v");
    assertThatThrownBy(() -> EncryptionContext.of(nullKey)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void isImmutable() {
    Map<String, String> source = new HashMap<>(Map.of("k", "v"));
    EncryptionContext c = EncryptionContext.of(source);
    source.put("k2", "v2");
    assertThat(c.size()).isEqualTo(1);
    assertThatThrownBy(() -> c.asMap().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
    c.toCanonicalBytes()[0] = 9;
    assertThat(hex(c)).startsWith("00000001");
  }
}
