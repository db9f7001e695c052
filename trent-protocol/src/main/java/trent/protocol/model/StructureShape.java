package trent.protocol.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import trent.domain.error.SerializationException;

/** A structure: members in model order; unknown JSON members are ignored, null means absent. */
final class StructureShape extends Shape {

  /** One member. {@code wireName} is the JSON name, {@code messageName} AWS's lowerCamel form. */
  record Member(String wireName, String messageName, Shape shape, boolean required, boolean sensitive) {}

  private List<Member> members = List.of();
  private Map<String, Member> byWireName = Map.of();

  StructureShape(String name) {
    super(name, false);
  }

  /** Set once while the model is compiled (members may refer back to this shape). */
  void setMembers(List<Member> members) {
    this.members = List.copyOf(members);
    Map<String, Member> index = new HashMap<>();
    for (Member m : members) {
      index.put(m.wireName(), m);
    }
    this.byWireName = Map.copyOf(index);
  }

  List<Member> members() {
    return members;
  }

  /** A copy with one member's shape replaced (documented rules tighten one operation's member). */
  StructureShape withMemberShape(String wireName, Shape shape) {
    StructureShape copy = new StructureShape(name);
    copy.setMembers(members.stream()
        .map(m -> m.wireName().equals(wireName)
            ? new Member(m.wireName(), m.messageName(), shape, m.required(), m.sensitive())
            : m)
        .toList());
    return copy;
  }

  @Override
  void checkType(JsonNode node, boolean hidden) {
    if (!node.isObject()) {
      throw node.isArray()
          ? new SerializationException(AwsText.LIST_NOT_EXPECTED)
          : new SerializationException(AwsText.EXPECTED_STRUCTURE);
    }
    // Document order, as the framework reads: the first wrong kind in the body is reported.
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      Member m = byWireName.get(field.getKey());
      JsonNode value = field.getValue();
      if (m != null && !value.isNull()) {
        m.shape().checkType(value, hidden || m.sensitive());
      }
    }
  }

  @Override
  void checkConstraints(JsonNode node, String path, boolean hidden, Violations out) {
    for (Member m : members) {
      String memberPath = path.isEmpty() ? m.messageName() : path + "." + m.messageName();
      JsonNode value = node.get(m.wireName());
      if (value == null || value.isNull()) {
        if (m.required()) {
          out.add(AwsText.missing(memberPath));
        }
      } else {
        m.shape().checkConstraints(value, memberPath, hidden || m.sensitive(), out);
      }
    }
  }

  @Override
  boolean satisfies(JsonNode node) {
    Violations v = new Violations();
    checkConstraints(node, "", false, v);
    return v.isEmpty();
  }

  @Override
  List<String> rules() {
    return List.of();
  }

  /** Not recorded from AWS; printed like the framework's maps: {@code {TagKey=a, TagValue=b}}. */
  @Override
  String render(JsonNode node) {
    StringBuilder sb = new StringBuilder("{");
    for (Member m : members) {
      JsonNode value = node.get(m.wireName());
      if (value != null && !value.isNull()) {
        if (sb.length() > 1) {
          sb.append(", ");
        }
        sb.append(m.wireName()).append('=')
            .append(m.sensitive() || m.shape().sensitive ? "***" : m.shape().render(value));
      }
    }
    return sb.append('}').toString();
  }
}
