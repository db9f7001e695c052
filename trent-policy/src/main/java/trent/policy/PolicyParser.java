package trent.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * JSON text to {@link PolicyDocument}, with AWS's checks in AWS's order (as far as it is known):
 * size, syntax, version, Effect spelling, principals, Sid uniqueness, action and resource elements,
 * resource format, action prefixes. The first failure is thrown.
 */
final class PolicyParser {

  /** KMS's key policy quota: 32 KB. */
  static final int KEY_POLICY_MAX_BYTES = 32768;

  static final String VERSION_2012 = "2012-10-17";
  static final String VERSION_2008 = "2008-10-17";

  private static final Set<String> TOP_LEVEL = Set.of("Version", "Id", "Statement");
  private static final Set<String> STATEMENT_ELEMENTS = Set.of(
      "Sid", "Effect", "Principal", "NotPrincipal", "Action", "NotAction", "Resource", "NotResource", "Condition");

  /** Immutable reader: duplicate keys and trailing content are syntax errors. */
  private static final ObjectReader READER = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build()
      .readerFor(JsonNode.class);

  private PolicyParser() {}

  static PolicyDocument parse(String json, PolicyType type, Predicate<String> principalExists) {
    if (type == PolicyType.KEY_POLICY && json.getBytes(StandardCharsets.UTF_8).length > KEY_POLICY_MAX_BYTES) {
      throw PolicyDocumentException.keyPolicyTooLarge();
    }
    JsonNode root;
    try {
      root = READER.readTree(json);
    } catch (JsonProcessingException e) {
      throw syntax();
    }
    if (root == null || !root.isObject()) {
      throw syntax();
    }
    for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
      if (!TOP_LEVEL.contains(it.next())) {
        throw syntax();
      }
    }
    Optional<String> version = optionalText(root, "Version");
    if (version.isPresent() && !version.get().equals(VERSION_2012) && !version.get().equals(VERSION_2008)) {
      throw syntax();
    }
    Optional<String> id = optionalText(root, "Id");
    JsonNode statementNode = root.get("Statement");
    if (statementNode == null) {
      throw syntax();
    }
    List<JsonNode> rawStatements = new ArrayList<>();
    if (statementNode.isObject()) {
      rawStatements.add(statementNode);
    } else if (statementNode.isArray() && statementNode.size() > 0) {
      statementNode.forEach(rawStatements::add);
    } else {
      throw syntax();
    }
    boolean variables = version.map(VERSION_2012::equals).orElse(false);

    List<String> effects = new ArrayList<>();
    List<Statement> statements = new ArrayList<>();
    for (JsonNode s : rawStatements) {
      statements.add(statement(s, variables, effects));
    }

    if (type == PolicyType.IDENTITY_POLICY && !version.map(VERSION_2012::equals).orElse(false)) {
      throw PolicyDocumentException.malformed(PolicyDocumentException.IDENTITY_POLICY_VERSION);
    }
    for (String e : effects) {
      if (!e.equals("Allow") && !e.equals("Deny")) {
        throw PolicyDocumentException.malformed(PolicyDocumentException.LEGACY_PARSING);
      }
    }
    checkPrincipals(statements, type, principalExists);
    Set<String> sids = new HashSet<>();
    for (Statement s : statements) {
      if (s.sid().isPresent() && !s.sid().get().isEmpty() && !sids.add(s.sid().get())) {
        throw PolicyDocumentException.malformed(PolicyDocumentException.DUPLICATE_SID);
      }
    }
    if (type == PolicyType.IDENTITY_POLICY) {
      for (Statement s : statements) {
        if (s.action().map(a -> a.patterns().isEmpty()).orElse(true)) {
          throw PolicyDocumentException.malformed(PolicyDocumentException.MISSING_ACTION);
        }
      }
      for (Statement s : statements) {
        if (s.resource().map(r -> r.patterns().isEmpty()).orElse(true)) {
          throw PolicyDocumentException.malformed(PolicyDocumentException.MISSING_RESOURCE);
        }
      }
    }
    for (Statement s : statements) {
      for (String r : s.resource().map(MatchList::patterns).orElse(List.of())) {
        if (!r.equals("*") && !r.contains(":")) {
          throw PolicyDocumentException.resourceNotArn(r);
        }
      }
    }
    for (Statement s : statements) {
      for (String a : s.action().map(MatchList::patterns).orElse(List.of())) {
        checkActionPrefix(a);
      }
    }
    return new PolicyDocument(json, version, id, statements);
  }

  private static Statement statement(JsonNode s, boolean variables, List<String> effects) {
    if (!s.isObject()) {
      throw syntax();
    }
    for (Iterator<String> it = s.fieldNames(); it.hasNext(); ) {
      if (!STATEMENT_ELEMENTS.contains(it.next())) {
        throw syntax();
      }
    }
    if (s.has("Action") && s.has("NotAction") || s.has("Resource") && s.has("NotResource")
        || s.has("Principal") && s.has("NotPrincipal")) {
      throw syntax();
    }
    Optional<String> sid = optionalText(s, "Sid");
    JsonNode effectNode = s.get("Effect");
    if (effectNode == null || !effectNode.isTextual()) {
      throw syntax();
    }
    String effectText = effectNode.textValue();
    Effect effect;
    if (effectText.equalsIgnoreCase("Allow")) {
      effect = Effect.ALLOW;
    } else if (effectText.equalsIgnoreCase("Deny")) {
      effect = Effect.DENY;
    } else {
      throw syntax();
    }
    effects.add(effectText);
    Optional<PrincipalElement> principal = principal(s);
    Optional<MatchList> action = matchList(s, "Action", "NotAction");
    Optional<MatchList> resource = matchList(s, "Resource", "NotResource");
    List<Condition> conditions = conditions(s.get("Condition"), variables);
    return new Statement(sid, effect, principal, action, resource, conditions, variables);
  }

  private static Optional<PrincipalElement> principal(JsonNode s) {
    boolean negated = s.has("NotPrincipal");
    JsonNode node = negated ? s.get("NotPrincipal") : s.get("Principal");
    if (node == null) {
      return Optional.empty();
    }
    List<PolicyPrincipal> principals = new ArrayList<>();
    if (node.isTextual()) {
      if (!node.textValue().equals("*")) {
        // A bare string other than "*" is not a principal; the shape is right, the value is not.
        throw PolicyDocumentException.malformed(PolicyDocumentException.INVALID_PRINCIPALS);
      }
      principals.add(new PolicyPrincipal(PolicyPrincipal.Kind.AWS, "*"));
    } else if (node.isObject() && node.size() > 0) {
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        PolicyPrincipal.Kind kind = null;
        for (PolicyPrincipal.Kind k : PolicyPrincipal.Kind.values()) {
          if (k.jsonName().equals(e.getKey())) {
            kind = k;
          }
        }
        if (kind == null) {
          throw PolicyDocumentException.malformed(PolicyDocumentException.INVALID_PRINCIPALS);
        }
        for (String v : stringOrList(e.getValue(), false)) {
          principals.add(new PolicyPrincipal(kind, kind == PolicyPrincipal.Kind.AWS ? Principals.normaliseAws(v) : v));
        }
      }
    } else {
      throw syntax();
    }
    return Optional.of(new PrincipalElement(negated, principals));
  }

  private static void checkPrincipals(List<Statement> statements, PolicyType type, Predicate<String> exists) {
    for (Statement s : statements) {
      if (type == PolicyType.IDENTITY_POLICY && s.principal().isPresent()) {
        throw PolicyDocumentException.malformed(PolicyDocumentException.IDENTITY_POLICY_PRINCIPAL);
      }
      if (type == PolicyType.KEY_POLICY) {
        if (s.principal().isEmpty()) {
          throw PolicyDocumentException.malformed(PolicyDocumentException.NO_PRINCIPAL);
        }
        for (PolicyPrincipal p : s.principal().get().principals()) {
          if (!Principals.isValidForKeyPolicy(p) || !p.isWildcard() && !exists.test(p.value())) {
            throw PolicyDocumentException.malformed(PolicyDocumentException.INVALID_PRINCIPALS);
          }
        }
      }
    }
  }

  private static Optional<MatchList> matchList(JsonNode s, String positive, String negative) {
    boolean negated = s.has(negative);
    JsonNode node = negated ? s.get(negative) : s.get(positive);
    if (node == null) {
      return Optional.empty();
    }
    return Optional.of(new MatchList(negated, stringOrList(node, true)));
  }

  private static List<Condition> conditions(JsonNode node, boolean variables) {
    if (node == null) {
      return List.of();
    }
    if (!node.isObject()) {
      throw syntax();
    }
    List<Condition> out = new ArrayList<>();
    for (Map.Entry<String, JsonNode> op : node.properties()) {
      String name = op.getKey();
      SetQualifier qualifier = SetQualifier.NONE;
      for (SetQualifier q : SetQualifier.values()) {
        if (q != SetQualifier.NONE && name.startsWith(q.prefix())) {
          qualifier = q;
          name = name.substring(q.prefix().length());
          break;
        }
      }
      boolean ifExists = name.endsWith("IfExists") && !name.equals("IfExists");
      if (ifExists) {
        name = name.substring(0, name.length() - "IfExists".length());
      }
      ConditionOperator operator = ConditionOperator.fromJsonName(name).orElseThrow(PolicyParser::syntax);
      if (operator == ConditionOperator.NULL && ifExists) {
        throw syntax();
      }
      if (!op.getValue().isObject()) {
        throw syntax();
      }
      for (Map.Entry<String, JsonNode> k : op.getValue().properties()) {
        if (!k.getKey().contains(":")) {
          throw PolicyDocumentException.malformed(PolicyDocumentException.ACTION_VENDOR);
        }
        List<String> values = scalarOrList(k.getValue());
        out.add(Condition.of(qualifier, operator, ifExists, k.getKey(), values, variables)
            .orElseThrow(PolicyParser::syntax));
      }
    }
    return out;
  }

  private static void checkActionPrefix(String action) {
    if (action.equals("*")) {
      return;
    }
    int colons = (int) action.chars().filter(c -> c == ':').count();
    if (colons == 0) {
      throw PolicyDocumentException.malformed(PolicyDocumentException.ACTION_VENDOR);
    }
    if (colons > 1) {
      throw PolicyDocumentException.malformed(PolicyDocumentException.ACTION_COLONS);
    }
    String vendor = action.substring(0, action.indexOf(':'));
    if (!vendor.matches("[a-zA-Z0-9\\-.*?]+")) {
      // IAM's text, as moto records it: "Vendor <vendor> is not valid". Unconfirmed for KMS.
      throw PolicyDocumentException.malformed("Vendor " + vendor + " is not valid");
    }
  }

  /** A string or an array of strings. {@code allowEmpty}: whether {@code []} is accepted. */
  private static List<String> stringOrList(JsonNode node, boolean allowEmpty) {
    List<String> out = new ArrayList<>();
    if (node.isTextual()) {
      out.add(node.textValue());
    } else if (node.isArray() && (allowEmpty || node.size() > 0)) {
      for (JsonNode n : node) {
        if (!n.isTextual()) {
          throw syntax();
        }
        out.add(n.textValue());
      }
    } else {
      throw syntax();
    }
    return out;
  }

  /** A condition value: a string, number or boolean, or an array of them. */
  private static List<String> scalarOrList(JsonNode node) {
    List<String> out = new ArrayList<>();
    if (node.isArray()) {
      for (JsonNode n : node) {
        out.add(scalar(n));
      }
    } else {
      out.add(scalar(node));
    }
    return out;
  }

  private static String scalar(JsonNode n) {
    if (n.isTextual()) {
      return n.textValue();
    }
    if (n.isNumber() || n.isBoolean()) {
      return n.asText();
    }
    throw syntax();
  }

  private static Optional<String> optionalText(JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null) {
      return Optional.empty();
    }
    if (!v.isTextual()) {
      throw syntax();
    }
    return Optional.of(v.textValue());
  }

  private static PolicyDocumentException syntax() {
    return PolicyDocumentException.malformed(PolicyDocumentException.SYNTAX_ERRORS);
  }
}
