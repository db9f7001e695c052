package trent.domain.key;

import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import trent.crypto.SecretBytes;
import trent.domain.Scope;

/**
 * A key to create with a fixed id and fixed key material, as a seed file describes it: every
 * server seeded with it holds the same key, so a ciphertext, signature or MAC made by one is
 * accepted by the others.
 *
 * <p>The material is as secret as the file it came from, which is usually checked in with the
 * tests that use it: seeded keys are for tests and fixtures, not for protecting real data.
 *
 * @param keyId a lowercase UUID
 * @param scope the account and Region the key belongs to
 * @param material the key material as given: 32 bytes for SYMMETRIC_DEFAULT, the raw key for an
 *     HMAC spec, the private key as PKCS#8 DER for an asymmetric spec; the caller keeps ownership
 * @param enabled false for a key that starts Disabled
 */
public record SeededKey(
    String keyId,
    Scope scope,
    String description,
    KeySpec spec,
    KeyUsage usage,
    String policy,
    Map<String, String> tags,
    boolean enabled,
    SecretBytes material) {

  private static final Pattern UUID =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  public SeededKey {
    Objects.requireNonNull(keyId, "keyId");
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(usage, "usage");
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(material, "material");
    tags = Map.copyOf(tags);
    requireKeyId(keyId);
    if (!spec.allows(usage)) {
      throw new IllegalArgumentException("KeyUsage " + usage + " is not compatible with KeySpec " + spec);
    }
  }

  /** Checks a seeded key id: a lowercase UUID (multi-Region keys cannot be seeded). */
  public static String requireKeyId(String keyId) {
    if (!UUID.matcher(keyId).matches()) {
      throw new IllegalArgumentException("id must be a lowercase UUID such as 1234abcd-12ab-34cd-56ef-1234567890ab");
    }
    return keyId;
  }
}
