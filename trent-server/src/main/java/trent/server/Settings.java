package trent.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * One mapping of the configuration file, read setting by setting into its record ({@link
 * ConfigFile}'s records each have a {@code from(Settings)} that names their settings). Jackson's
 * data binding did this before; setting up its deserializers, by reflection, took the main thread
 * about 70 ms of CPU on every start (the 2-core development machine, async-profiler), before
 * anything else could begin. SnakeYAML, the parser under Jackson's YAML format, still reads the
 * file.
 *
 * <p>The tree is plain: a mapping is a {@code Map<String, Object>} in file order, a sequence a
 * {@code List<Object>}, a scalar a {@link Scalar}. A string setting takes any scalar as written, a
 * number a decimal integer, a flag {@code true} or {@code false} (quoted or not, as an environment
 * variable gives them), a record a mapping, a list a sequence, and a JSON setting (the identity
 * policy: a mapping or a JSON string) anything. A null scalar ({@code ~}, {@code null} or nothing)
 * is an absent setting. A value of the wrong kind, and a key the record does not read, are refused
 * with the setting's name.
 */
final class Settings {

  /** A scalar as written, with what YAML's rules resolve it to when plain (a quoted one is a string). */
  record Scalar(String text, Tag tag) {
    static Scalar string(String text) {
      return new Scalar(text, Tag.STR);
    }
  }

  private final Map<String, Object> map;
  private final String path;
  private final String source;
  private final Set<String> read = new HashSet<>();

  private Settings(Map<String, Object> map, String path, String source) {
    this.map = map;
    this.path = path;
    this.source = source;
  }

  /** The document's top-level mapping; empty when the document is empty or not a mapping. */
  static Map<String, Object> parse(String yamlText, String source) {
    Node root;
    try {
      root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(new StringReader(yamlText));
    } catch (YAMLException e) {
      throw new IllegalArgumentException(source + ": not valid YAML: " + e.getMessage(), e);
    }
    return plain(root) instanceof Map<?, ?> map ? cast(map) : new LinkedHashMap<>();
  }

  private static Object plain(Node node) {
    if (node instanceof MappingNode mapping) {
      Map<String, Object> map = new LinkedHashMap<>();
      for (NodeTuple entry : mapping.getValue()) {
        Object key = plain(entry.getKeyNode());
        String name = key instanceof Scalar s ? s.text() : String.valueOf(key);
        map.put(name, plain(entry.getValueNode())); // a repeated key: the last one wins
      }
      return map;
    }
    if (node instanceof SequenceNode sequence) {
      List<Object> list = new ArrayList<>();
      for (Node item : sequence.getValue()) {
        list.add(plain(item));
      }
      return list;
    }
    if (node instanceof ScalarNode scalar) {
      return Tag.NULL.equals(scalar.getTag()) ? null : new Scalar(scalar.getValue(), scalar.getTag());
    }
    return null;
  }

  /** Reads {@code tree} with {@code reader}, then refuses any key it did not read. */
  static <T> T read(Map<String, Object> tree, String source, Function<Settings, T> reader) {
    return new Settings(tree, "", source).complete(reader);
  }

  private <T> T complete(Function<Settings, T> reader) {
    T value = reader.apply(this);
    for (String key : map.keySet()) {
      if (!read.contains(key)) {
        throw new IllegalArgumentException(source + ": unknown setting '" + key + "'");
      }
    }
    return value;
  }

  String string(String name) {
    Object value = get(name);
    if (value == null) {
      return null;
    }
    if (value instanceof Scalar s) {
      return s.text();
    }
    throw wrongKind(name);
  }

  Integer integer(String name) {
    String text = trimmed(name);
    if (text == null) {
      return null;
    }
    try {
      return Integer.valueOf(text);
    } catch (NumberFormatException e) {
      throw wrongKind(name);
    }
  }

  Boolean flag(String name) {
    String text = trimmed(name);
    if (text == null) {
      return null;
    }
    if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
      return Boolean.valueOf(text);
    }
    throw wrongKind(name);
  }

  /** A scalar's text, trimmed; null when absent or empty. */
  private String trimmed(String name) {
    String text = string(name);
    return text == null || text.isBlank() ? null : text.trim();
  }

  JsonNode json(String name) {
    Object value = get(name);
    return value == null ? null : json(value);
  }

  <T> T record(String name, Function<Settings, T> reader) {
    Object value = get(name);
    if (value == null) {
      return null;
    }
    if (!(value instanceof Map<?, ?> child)) {
      throw wrongKind(name);
    }
    return new Settings(cast(child), where(name), source).complete(reader);
  }

  <T> List<T> list(String name, Function<Settings, T> reader) {
    Object value = get(name);
    if (value == null) {
      return null;
    }
    if (!(value instanceof List<?> items)) {
      throw wrongKind(name);
    }
    List<T> out = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      String item = where(name) + "[" + i + "]";
      if (!(items.get(i) instanceof Map<?, ?> child)) {
        throw new IllegalArgumentException(source + ": setting '" + item + "' has a value of the wrong kind");
      }
      out.add(new Settings(cast(child), item, source).complete(reader));
    }
    return out;
  }

  private Object get(String name) {
    read.add(name);
    return map.get(name);
  }

  private String where(String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  private IllegalArgumentException wrongKind(String name) {
    return new IllegalArgumentException(source + ": setting '" + where(name) + "' has a value of the wrong kind");
  }

  /** A value as JSON: mappings and sequences as objects and arrays, plain scalars by YAML's rules, quoted ones as strings. */
  private static JsonNode json(Object value) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    if (value instanceof Map<?, ?> map) {
      ObjectNode object = f.objectNode();
      map.forEach((k, v) -> object.set((String) k, json(v)));
      return object;
    }
    if (value instanceof List<?> list) {
      ArrayNode array = f.arrayNode();
      list.forEach(v -> array.add(json(v)));
      return array;
    }
    if (value == null) {
      return f.nullNode();
    }
    Scalar s = (Scalar) value;
    String text = s.text();
    if (Tag.BOOL.equals(s.tag()) && (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false"))) {
      return f.booleanNode(Boolean.parseBoolean(text));
    }
    if (Tag.INT.equals(s.tag()) && text.matches("[-+]?[0-9]+")) {
      return f.numberNode(new BigInteger(text));
    }
    if (Tag.FLOAT.equals(s.tag()) && text.matches("[-+]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?")) {
      return f.numberNode(new BigDecimal(text));
    }
    return f.textNode(text);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> cast(Map<?, ?> map) {
    return (Map<String, Object>) map;
  }
}
