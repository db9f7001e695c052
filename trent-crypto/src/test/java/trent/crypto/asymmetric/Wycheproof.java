package trent.crypto.asymmetric;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Walks a Wycheproof file under {@code src/test/resources/vectors/wycheproof}: every test with its
 * group. Tests collect {@code FAIL tcId (comment): why} lines and assert that the list is empty.
 */
public final class Wycheproof {
  private Wycheproof() {}

  /** One test case and the group it belongs to. */
  public static final class Case {
    public final JsonNode group;
    public final JsonNode test;

    Case(JsonNode group, JsonNode test) {
      this.group = group;
      this.test = test;
    }

    public int tcId() {
      return test.get("tcId").asInt();
    }

    public String result() {
      return test.get("result").asText();
    }

    public byte[] hex(String field) {
      return HexFormat.of().parseHex(test.get(field).asText());
    }

    public byte[] groupHex(String field) {
      return HexFormat.of().parseHex(group.get(field).asText());
    }

    public String fail(String why) {
      return "FAIL " + tcId() + " (" + test.get("comment").asText() + "): " + why;
    }
  }

  public static List<Case> cases(String file) {
    try (InputStream in = Wycheproof.class.getResourceAsStream("/vectors/wycheproof/" + file)) {
      if (in == null) {
        throw new IllegalStateException("missing vector file " + file);
      }
      List<Case> out = new ArrayList<>();
      for (JsonNode group : new ObjectMapper().readTree(in).get("testGroups")) {
        for (JsonNode test : group.get("tests")) {
          out.add(new Case(group, test));
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
