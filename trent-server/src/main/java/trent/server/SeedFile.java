package trent.server;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import trent.crypto.SecretBytes;
import trent.domain.Scope;
import trent.domain.alias.Aliases;
import trent.domain.grant.GrantConstraints;
import trent.domain.grant.GrantOperation;
import trent.domain.grant.Grants;
import trent.domain.grant.NewGrant;
import trent.domain.key.KeyMaterials;
import trent.domain.key.KeySpec;
import trent.domain.key.KeyUsage;
import trent.domain.key.Keys;
import trent.domain.key.KmsKey;
import trent.domain.key.SeededKey;
import trent.policy.PolicyDocument;
import trent.policy.PolicyDocumentException;
import trent.policy.PolicyType;

/**
 * A seed file: keys with fixed ids and fixed key material, with their aliases, key policies,
 * tags and grants, created when a server starts (and again after {@link TrentServer#reset()}).
 * Its shape:
 * <pre>
 * keys:
 *   - id: 6d1f0c52-3b0e-4d8a-9c57-2f1e8a4b7c10     # a lowercase UUID
 *     account: "111122223333"                    # default: the server's development account
 *     region: us-east-1                          # default: us-east-1
 *     description: payments
 *     keySpec: SYMMETRIC_DEFAULT                 # default; HMAC_256, ECC_NIST_P256, RSA_2048, ...
 *     keyUsage: ENCRYPT_DECRYPT                  # default for SYMMETRIC_DEFAULT; required otherwise
 *     material: { hex: "00112233..." }           # or base64: ..., or pem: (PKCS#8 "BEGIN PRIVATE KEY")
 *     enabled: true                              # false: the key starts Disabled
 *     policy: { ... }                            # a mapping or a JSON string; default: AWS's default key policy
 *     aliases: [ alias/payments ]
 *     tags: { team: payments }
 *     grants:
 *       - name: payments-app                     # required: grants are matched by name on restart
 *         granteePrincipal: arn:aws:iam::111122223333:role/payments
 *         retiringPrincipal: arn:aws:iam::111122223333:role/admin
 *         operations: [ Encrypt, Decrypt ]
 *         encryptionContextSubset: { tenant: t1 }   # or encryptionContextEquals
 * </pre>
 * Material is 32 bytes for SYMMETRIC_DEFAULT, the raw key for HMAC specs (their key length up to
 * the longest length AWS imports), and the private key as PKCS#8 for asymmetric specs.
 *
 * <p>Everything that can be checked without the store is checked when the file is read; a bad
 * entry fails with an {@link IllegalArgumentException} naming it, e.g.
 * {@code seed.yaml: keys[2] (id 6d1f0c52-...): KeyUsage SIGN_VERIFY is not compatible with KeySpec HMAC_256}.
 * Applying is idempotent: a key that exists with the same id and material is left as it is, an
 * existing alias pointing at its key and a grant of the same name and parameters too. A key or
 * alias that exists but differs stops the start ({@link IllegalStateException}, naming the entry).
 *
 * <p>Key material from a seed file is as secret as the file: use it for tests and fixtures.
 */
public final class SeedFile {

  static final String DEFAULT_REGION = "us-east-1";

  /** The file's top level. */
  record Document(List<KeyEntry> keys) {}

  /** One entry of {@code keys}. */
  record KeyEntry(String id, String account, String region, String description, String keySpec, String keyUsage,
      MaterialEntry material, Boolean enabled, JsonNode policy, List<String> aliases, Map<String, String> tags,
      List<GrantEntry> grants) {}

  /** Key material in exactly one encoding. */
  record MaterialEntry(String hex, String base64, String pem) {
    @Override
    public String toString() {
      return "MaterialEntry[...]";
    }
  }

  /** One grant of a key. */
  record GrantEntry(String name, String granteePrincipal, String retiringPrincipal, List<String> operations,
      Map<String, String> encryptionContextEquals, Map<String, String> encryptionContextSubset) {}

  /** A checked key entry: everything but the account, which may default to the server's. */
  private record Entry(String where, KeyEntry key, KeySpec spec, KeyUsage usage, byte[] material, String policy,
      List<NewGrantSpec> grants) {}

  private record NewGrantSpec(String name, String granteePrincipal, String retiringPrincipal,
      List<GrantOperation> operations, GrantConstraints constraints) {}

  private final String source;
  private final List<Entry> entries;

  private SeedFile(String source, List<Entry> entries) {
    this.source = source;
    this.entries = entries;
  }

  /** Reads and checks a seed file; messages name it by {@code file} as given. */
  public static SeedFile read(Path file) {
    try {
      return parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read seed file " + file + ": " + e.getMessage(), e);
    }
  }

  /** Reads and checks a seed file that is a class path resource (e.g. {@code seeds/kms.yaml} under src/test/resources). */
  public static SeedFile fromClasspath(String resource) {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    if (loader == null) {
      loader = SeedFile.class.getClassLoader();
    }
    String name = resource.startsWith("/") ? resource.substring(1) : resource;
    try (InputStream in = loader.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalArgumentException("no seed file " + name + " on the class path");
      }
      return parse(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read seed file " + name + ": " + e.getMessage(), e);
    }
  }

  /** Parses and checks a seed file's text; {@code source} names it in messages. */
  public static SeedFile parse(String source, String yamlText) {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    Document document;
    try {
      document = yaml.readValue(yamlText.isBlank() ? "{}" : yamlText, Document.class);
    } catch (UnrecognizedPropertyException e) {
      throw new IllegalArgumentException(source + ": " + path(e) + ": unknown setting '" + e.getPropertyName() + "'", e);
    } catch (MismatchedInputException e) {
      throw new IllegalArgumentException(source + ": " + path(e) + " has a value of the wrong kind", e);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      // Only the place: the parser's own message may quote the text, which may be key material.
      String line = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
      throw new IllegalArgumentException(source + ": not valid YAML" + line);
    } catch (IOException e) {
      throw new IllegalArgumentException(source + ": cannot be read: " + e.getMessage(), e);
    }
    List<Entry> entries = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    Set<String> aliases = new HashSet<>();
    List<KeyEntry> keys = document == null || document.keys() == null ? List.of() : document.keys();
    for (int i = 0; i < keys.size(); i++) {
      KeyEntry key = keys.get(i);
      String where = source + ": keys[" + i + "]" + (key != null && key.id() != null ? " (id " + key.id() + ")" : "");
      try {
        Entry entry = check(where, key);
        if (!ids.add(key.id())) {
          throw new IllegalArgumentException("the id appears twice");
        }
        for (String alias : entry.key().aliases() == null ? List.<String>of() : entry.key().aliases()) {
          if (!aliases.add(entry.key().region() + " " + entry.key().account() + " " + alias)) {
            throw new IllegalArgumentException(alias + " appears twice");
          }
        }
        entries.add(entry);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
      }
    }
    return new SeedFile(source, List.copyOf(entries));
  }

  private static String path(com.fasterxml.jackson.databind.JsonMappingException e) {
    return e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
        .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("(top level)");
  }

  private static Entry check(String where, KeyEntry key) {
    if (key == null) {
      throw new IllegalArgumentException("is empty");
    }
    if (key.id() == null) {
      throw new IllegalArgumentException("id is required");
    }
    SeededKey.requireKeyId(key.id());
    if (key.account() != null && !TrentConfig.ACCOUNT.matcher(key.account()).matches()) {
      throw new IllegalArgumentException("account must be 12 digits, was '" + key.account() + "'");
    }
    if (key.region() != null && !key.region().matches("[a-z]{2}(-[a-z]+)+-[0-9]+")) {
      throw new IllegalArgumentException("region '" + key.region() + "' is not a Region name such as us-east-1");
    }
    KeySpec spec = enumValue(KeySpec.class, "keySpec", key.keySpec(), KeySpec.SYMMETRIC_DEFAULT);
    if (key.keyUsage() == null && spec != KeySpec.SYMMETRIC_DEFAULT) {
      throw new IllegalArgumentException("keyUsage is required for KeySpec " + spec);
    }
    KeyUsage usage = enumValue(KeyUsage.class, "keyUsage", key.keyUsage(), KeyUsage.ENCRYPT_DECRYPT);
    if (!spec.allows(usage)) {
      throw new IllegalArgumentException("KeyUsage " + usage + " is not compatible with KeySpec " + spec);
    }
    byte[] material = material(key.material());
    try (SecretBytes checked = KeyMaterials.seedMaterial(spec, SecretBytes.copyOf(material))) {
      // only checked here; the bytes are wrapped when the seed is applied
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("material: " + e.getMessage(), e);
    }
    String policy = policy(key.policy());
    List<NewGrantSpec> grants = new ArrayList<>();
    List<GrantEntry> grantEntries = key.grants() == null ? List.of() : key.grants();
    Set<String> grantNames = new HashSet<>();
    for (int g = 0; g < grantEntries.size(); g++) {
      try {
        NewGrantSpec grant = grant(grantEntries.get(g), spec, usage);
        if (!grantNames.add(grant.name())) {
          throw new IllegalArgumentException("name " + grant.name() + " appears twice");
        }
        grants.add(grant);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("grants[" + g + "]: " + e.getMessage(), e);
      }
    }
    return new Entry(where, key, spec, usage, material, policy, List.copyOf(grants));
  }

  private static byte[] material(MaterialEntry m) {
    if (m == null) {
      throw new IllegalArgumentException("material is required (hex, base64 or pem)");
    }
    int given = (m.hex() != null ? 1 : 0) + (m.base64() != null ? 1 : 0) + (m.pem() != null ? 1 : 0);
    if (given != 1) {
      throw new IllegalArgumentException("material: give exactly one of hex, base64 and pem");
    }
    try {
      if (m.hex() != null) {
        return HexFormat.of().parseHex(m.hex().replaceAll("\\s", "").toLowerCase(java.util.Locale.ROOT));
      }
      if (m.base64() != null) {
        return Base64.getMimeDecoder().decode(m.base64());
      }
      String pem = m.pem().trim();
      if (!pem.startsWith("-----BEGIN PRIVATE KEY-----") || !pem.endsWith("-----END PRIVATE KEY-----")) {
        throw new IllegalArgumentException("material.pem must be one PKCS#8 \"BEGIN PRIVATE KEY\" block");
      }
      return Base64.getMimeDecoder().decode(pem.replace("-----BEGIN PRIVATE KEY-----", "")
          .replace("-----END PRIVATE KEY-----", ""));
    } catch (IllegalArgumentException e) {
      if (e.getMessage() != null && e.getMessage().startsWith("material.pem")) {
        throw e;
      }
      // the decoder's message may quote the text; say only which encoding is wrong
      throw new IllegalArgumentException("material is not valid " + (m.hex() != null ? "hex" : "base64"));
    }
  }

  private static String policy(JsonNode policy) {
    if (policy == null || policy.isNull()) {
      return null;
    }
    String json;
    if (policy.isTextual()) {
      json = policy.textValue();
    } else if (policy.isObject()) {
      json = policy.toString();
    } else {
      throw new IllegalArgumentException("policy must be a mapping or a JSON string");
    }
    try {
      PolicyDocument.parse(json, PolicyType.KEY_POLICY);
    } catch (PolicyDocumentException e) {
      throw new IllegalArgumentException("policy is not a valid key policy: " + e.getMessage(), e);
    }
    return json;
  }

  private static NewGrantSpec grant(GrantEntry g, KeySpec spec, KeyUsage usage) {
    if (g == null || g.name() == null || g.name().isBlank()) {
      throw new IllegalArgumentException("name is required (a restart finds the grant by its name)");
    }
    if (g.granteePrincipal() == null || g.granteePrincipal().isBlank()) {
      throw new IllegalArgumentException("granteePrincipal is required");
    }
    if (g.operations() == null || g.operations().isEmpty()) {
      throw new IllegalArgumentException("operations must list at least one operation");
    }
    Set<GrantOperation> valid = GrantOperation.validFor(spec, usage);
    List<GrantOperation> operations = new ArrayList<>();
    for (String name : g.operations()) {
      GrantOperation op = enumValue(GrantOperation.class, "operations", name, null);
      if (!valid.contains(op)) {
        throw new IllegalArgumentException("operation " + op + " does not apply to a " + spec + " key of usage " + usage);
      }
      if (!operations.contains(op)) {
        operations.add(op);
      }
    }
    if (g.encryptionContextEquals() != null && g.encryptionContextSubset() != null) {
      throw new IllegalArgumentException("give encryptionContextEquals or encryptionContextSubset, not both");
    }
    GrantConstraints constraints = new GrantConstraints(g.encryptionContextEquals(), g.encryptionContextSubset());
    if (!constraints.isEmpty() && operations.stream().anyMatch(op -> !op.takesEncryptionContext())) {
      throw new IllegalArgumentException("encryption context constraints apply only to operations that take an encryption context");
    }
    return new NewGrantSpec(g.name(), g.granteePrincipal(), g.retiringPrincipal(), List.copyOf(operations), constraints);
  }

  private static <E extends Enum<E>> E enumValue(Class<E> type, String setting, String value, E fallback) {
    if (value == null) {
      return fallback;
    }
    try {
      return Enum.valueOf(type, value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(setting + ": '" + value + "' is not one of "
          + java.util.Arrays.toString(type.getEnumConstants()));
    }
  }

  /** Where the file came from, as messages name it. */
  public String source() {
    return source;
  }

  /** How many keys the file describes. */
  public int size() {
    return entries.size();
  }

  /**
   * Creates what is missing: keys, then their aliases and grants, in file order. Keys without an
   * account go to {@code defaultAccount}.
   *
   * @return how many keys were created (the others were present already)
   * @throws IllegalArgumentException or IllegalStateException naming the entry that failed
   */
  int applyTo(Keys keys, Aliases aliases, Grants grants, String defaultAccount) {
    int created = 0;
    for (Entry entry : entries) {
      KeyEntry k = entry.key();
      Scope scope = new Scope(k.account() != null ? k.account() : defaultAccount,
          k.region() != null ? k.region() : DEFAULT_REGION);
      try {
        String policy = entry.policy() != null ? entry.policy() : PolicyDocument.defaultKeyPolicyJson(scope.account());
        Map<String, String> tags = k.tags() == null ? Map.of() : new LinkedHashMap<>(k.tags());
        try (SecretBytes material = SecretBytes.copyOf(entry.material())) {
          SeededKey seed = new SeededKey(k.id(), scope, k.description() == null ? "" : k.description(), entry.spec(),
              entry.usage(), policy, tags, k.enabled() == null || k.enabled(), material);
          if (keys.createSeeded(seed) == Keys.Seeded.CREATED) {
            created++;
          }
        }
        for (String alias : k.aliases() == null ? List.<String>of() : k.aliases()) {
          aliases.createSeeded(scope, alias, k.id());
        }
        if (!entry.grants().isEmpty()) {
          KmsKey key = keys.findById(k.id(), scope.region()).orElseThrow();
          String issuingAccount = "arn:aws:iam::" + scope.account() + ":root";
          for (NewGrantSpec g : entry.grants()) {
            grants.create(key, new NewGrant(g.name(), g.granteePrincipal(), g.retiringPrincipal(), g.operations(),
                g.constraints(), issuingAccount));
          }
        }
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(entry.where() + ": " + e.getMessage(), e);
      } catch (IllegalStateException e) {
        throw new IllegalStateException(entry.where() + ": " + e.getMessage(), e);
      }
    }
    return created;
  }

  @Override
  public String toString() {
    return "SeedFile[" + source + ", " + entries.size() + " keys]";
  }
}
