package trent.domain.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditMembersTest {

  private static Map<String, Object> ordered(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  @Test
  void keepsTheOrderAndCannotBeChanged() {
    Map<String, Object> source = ordered("keyId", "k", "encryptionContext", ordered("b", "2", "a", "1"));
    AuditMembers members = AuditMembers.copyOf(source);
    source.put("later", "x");

    assertThat(members.keySet()).containsExactly("keyId", "encryptionContext");
    assertThat(members).containsEntry("keyId", "k").doesNotContainKey("later");
    assertThatThrownBy(() -> members.put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> members.entrySet().clear()).isInstanceOf(UnsupportedOperationException.class);
    assertThat(AuditMembers.copyOf(members)).isSameAs(members);
  }

  @Test
  void sameInOrderComparesOrderAtEveryLevel() {
    AuditMembers members = AuditMembers.copyOf(
        ordered("keyId", "k", "encryptionContext", ordered("b", "2", "a", "1"), "grantTokens", List.of("t1", "t2"),
            "numberOfBytes", 32));

    assertThat(members.sameInOrder(ordered("keyId", "k", "encryptionContext", ordered("b", "2", "a", "1"),
        "grantTokens", List.of("t1", "t2"), "numberOfBytes", 32))).isTrue();
    // Equal as maps, listed in another order: not the same record.
    assertThat(members.sameInOrder(ordered("encryptionContext", ordered("b", "2", "a", "1"), "keyId", "k",
        "grantTokens", List.of("t1", "t2"), "numberOfBytes", 32))).isFalse();
    assertThat(members.sameInOrder(ordered("keyId", "k", "encryptionContext", ordered("a", "1", "b", "2"),
        "grantTokens", List.of("t1", "t2"), "numberOfBytes", 32))).isFalse();
    assertThat(members.sameInOrder(ordered("keyId", "k", "encryptionContext", ordered("b", "2", "a", "1"),
        "grantTokens", List.of("t2", "t1"), "numberOfBytes", 32))).isFalse();
    assertThat(members.sameInOrder(ordered("keyId", "k", "encryptionContext", ordered("b", "2", "a", "1"),
        "grantTokens", List.of("t1", "t2"), "numberOfBytes", 64))).isFalse();
    assertThat(members.sameInOrder(ordered("keyId", "k"))).isFalse();
    assertThat(members.sameInOrder(ordered("keyId", "k", "encryptionContext", "b=2,a=1",
        "grantTokens", List.of("t1", "t2"), "numberOfBytes", 32))).isFalse();
  }
}
