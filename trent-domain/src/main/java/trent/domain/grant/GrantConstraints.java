package trent.domain.grant;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A grant's encryption-context constraints (the model's {@code GrantConstraints}). With
 * {@code EncryptionContextEquals} the request's encryption context must be exactly that map; with
 * {@code EncryptionContextSubset} it must contain every pair of that map (and may have more).
 * Keys and values compare exactly, case-sensitively (KMS developer guide, "Using grant constraints").
 *
 * @param encryptionContextEquals the exact context required, or null
 * @param encryptionContextSubset the pairs required, or null
 */
public record GrantConstraints(Map<String, String> encryptionContextEquals, Map<String, String> encryptionContextSubset) {

  public static final GrantConstraints NONE = new GrantConstraints(null, null);

  private static final ObjectMapper JSON = new ObjectMapper();

  public GrantConstraints {
    encryptionContextEquals = encryptionContextEquals == null ? null : Map.copyOf(encryptionContextEquals);
    encryptionContextSubset = encryptionContextSubset == null ? null : Map.copyOf(encryptionContextSubset);
  }

  public boolean isEmpty() {
    return encryptionContextEquals == null && encryptionContextSubset == null;
  }

  /** Whether a request with this encryption context satisfies the constraints. */
  public boolean allows(Map<String, String> requestContext) {
    if (encryptionContextEquals != null && !encryptionContextEquals.equals(requestContext)) {
      return false;
    }
    if (encryptionContextSubset != null) {
      for (Map.Entry<String, String> e : encryptionContextSubset.entrySet()) {
        if (!e.getValue().equals(requestContext.get(e.getKey()))) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * Whether these constraints are at least as strict as {@code parent}'s: every encryption context
   * they allow, {@code parent} allows too. This is the rule for a grant created with CreateGrant
   * permission that came from a grant (KMS developer guide, "Granting CreateGrant permission": a child
   * grant may add pairs to an EncryptionContextSubset, may turn it into an EncryptionContextEquals, but
   * not the reverse).
   */
  public boolean atLeastAsStrictAs(GrantConstraints parent) {
    if (encryptionContextEquals != null) {
      // Allows at most the one context it names.
      return parent.allows(encryptionContextEquals);
    }
    if (encryptionContextSubset != null) {
      // Allows every context holding these pairs: only a subset constraint with fewer pairs is as wide.
      return parent.encryptionContextEquals == null
          && (parent.encryptionContextSubset == null
              || encryptionContextSubset.entrySet().containsAll(parent.encryptionContextSubset.entrySet()));
    }
    return parent.isEmpty();
  }

  /** The stored form: JSON with sorted keys, or null when there are no constraints. */
  public String encode() {
    if (isEmpty()) {
      return null;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    if (encryptionContextEquals != null) {
      out.put("EncryptionContextEquals", new TreeMap<>(encryptionContextEquals));
    }
    if (encryptionContextSubset != null) {
      out.put("EncryptionContextSubset", new TreeMap<>(encryptionContextSubset));
    }
    try {
      return JSON.writeValueAsString(out);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Reads the stored form; null is no constraints. */
  public static GrantConstraints decode(String stored) {
    if (stored == null) {
      return NONE;
    }
    try {
      Map<String, Map<String, String>> in = JSON.readValue(stored, new TypeReference<Map<String, Map<String, String>>>() {});
      return new GrantConstraints(in.get("EncryptionContextEquals"), in.get("EncryptionContextSubset"));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored grant constraints are not readable", e);
    }
  }
}
