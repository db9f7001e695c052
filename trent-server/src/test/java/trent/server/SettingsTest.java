package trent.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsTest {

  record Inner(String name, Integer size, Boolean on) {
    static Inner from(Settings s) {
      return new Inner(s.string("name"), s.integer("size"), s.flag("on"));
    }
  }

  record Outer(String title, Inner inner, List<Inner> items, com.fasterxml.jackson.databind.JsonNode extra) {
    static Outer from(Settings s) {
      return new Outer(s.string("title"), s.record("inner", Inner::from), s.list("items", Inner::from), s.json("extra"));
    }
  }

  private static Outer read(String yaml) {
    return Settings.read(Settings.parse(yaml, "t.yaml"), "t.yaml", Outer::from);
  }

  @Test
  void mappingsBecomeRecordsAndSequencesLists() {
    Outer o = read("""
        title: hello
        inner: { name: a, size: 3, on: true }
        items:
          - name: b
          - { size: 5, on: false }
        """);
    assertThat(o).isEqualTo(new Outer("hello", new Inner("a", 3, true),
        List.of(new Inner("b", null, null), new Inner(null, 5, false)), null));
  }

  @Test
  void aStringIsTakenAsWrittenWhateverItLooksLike() {
    assertThat(read("title: 012345678901\n").title()).isEqualTo("012345678901");
    assertThat(read("title: 1.50\n").title()).isEqualTo("1.50");
    assertThat(read("title: on\n").title()).isEqualTo("on");
    assertThat(read("title: ' padded '\n").title()).isEqualTo(" padded ");
    assertThat(read("title: ''\n").title()).isEmpty();
  }

  @Test
  void numbersAndBooleansMayBeQuotedAsTheEnvironmentGivesThem() {
    assertThat(read("inner: { size: '42', on: 'TRUE' }\n").inner()).isEqualTo(new Inner(null, 42, true));
  }

  @Test
  void nullsAndMissingValuesAreNull() {
    assertThat(read("title: ~\ninner: null\nitems:\n")).isEqualTo(new Outer(null, null, null, null));
    assertThat(read("")).isEqualTo(new Outer(null, null, null, null));
    assertThat(read("just a scalar")).isEqualTo(new Outer(null, null, null, null));
  }

  @Test
  void aValueOfTheWrongKindIsRefusedWithItsPath() {
    assertThatThrownBy(() -> read("inner: { size: twelve }\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("t.yaml: setting 'inner.size' has a value of the wrong kind");
    assertThatThrownBy(() -> read("items: [ { on: yes } ]\n"))
        .hasMessage("t.yaml: setting 'items[0].on' has a value of the wrong kind");
    assertThatThrownBy(() -> read("items: [ a ]\n"))
        .hasMessage("t.yaml: setting 'items[0]' has a value of the wrong kind");
    assertThatThrownBy(() -> read("items: { name: a }\n"))
        .hasMessage("t.yaml: setting 'items' has a value of the wrong kind");
    assertThatThrownBy(() -> read("inner: [1]\n"))
        .hasMessage("t.yaml: setting 'inner' has a value of the wrong kind");
    assertThatThrownBy(() -> read("title: { a: b }\n"))
        .hasMessage("t.yaml: setting 'title' has a value of the wrong kind");
    assertThatThrownBy(() -> read("inner: { size: 3000000000 }\n"))
        .hasMessage("t.yaml: setting 'inner.size' has a value of the wrong kind");
  }

  @Test
  void anUnknownKeyIsRefusedAtAnyDepth() {
    assertThatThrownBy(() -> read("titel: x\n")).hasMessage("t.yaml: unknown setting 'titel'");
    assertThatThrownBy(() -> read("items: [ { nmae: x } ]\n")).hasMessage("t.yaml: unknown setting 'nmae'");
  }

  @Test
  void aJsonNodeTakesMappingsAsObjectsWithTypedPlainScalars() {
    Outer o = read("""
        extra: { a: 1, b: 2.5, c: true, d: "true", e: yes, f: ~, g: [x, '1'] }
        """);
    assertThat(o.extra().toString())
        .isEqualTo("{\"a\":1,\"b\":2.5,\"c\":true,\"d\":\"true\",\"e\":\"yes\",\"f\":null,\"g\":[\"x\",\"1\"]}");
    assertThat(read("extra: '{\"k\": 1}'\n").extra().textValue()).isEqualTo("{\"k\": 1}");
  }

  @Test
  void aRepeatedKeyKeepsTheLastValue() {
    assertThat(read("title: a\ntitle: b\n").title()).isEqualTo("b");
  }

  @Test
  void yamlThatDoesNotParseIsRefusedNamingTheFile() {
    assertThatThrownBy(() -> read("title: [unclosed\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("t.yaml: not valid YAML: ");
    assertThatThrownBy(() -> read("a: 1\n---\nb: 2\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("t.yaml: not valid YAML: ");
  }

  @Test
  void theTreeKeepsTheFileOrder() {
    Map<String, Object> tree = Settings.parse("z: 1\na: 2\nm: 3\n", "t");
    assertThat(tree.keySet()).containsExactly("z", "a", "m");
  }
}
