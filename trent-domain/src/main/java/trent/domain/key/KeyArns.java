package trent.domain.key;

/** Builds the ARNs of keys and aliases. Trent serves the {@code aws} partition. */
public final class KeyArns {

  private KeyArns() {}

  public static String key(String region, String account, String keyId) {
    return "arn:aws:kms:" + region + ":" + account + ":key/" + keyId;
  }

  /** The prefix of a multi-Region key's id: {@code mrk-} and 32 lowercase hex digits. */
  public static final String MULTI_REGION_PREFIX = "mrk-";

  /** Whether {@code keyId} names a multi-Region key (a key created with {@code MultiRegion: true}). */
  public static boolean isMultiRegion(String keyId) {
    return keyId.startsWith(MULTI_REGION_PREFIX);
  }

  /**
   * What a key's wrapped records (key material, imported material digests, import parameters) are
   * bound to, given the key's ARN: the ARN itself, except that a multi-Region key's binding names
   * no Region ({@code arn:aws:kms::<account>:key/mrk-...}), so that every copy of the key, in
   * whichever Region, unwraps the material they share. The one place that decides it: every
   * reader and writer of wrapped key records goes through {@link KeyMaterials}, which calls it.
   */
  public static String materialBinding(String keyArn) {
    // arn:aws:kms:<region>:<account>:key/<keyId>
    String[] parts = keyArn.split(":", 6);
    if (parts.length != 6 || !parts[5].startsWith("key/")) {
      throw new IllegalArgumentException("not a key ARN: " + keyArn);
    }
    if (!isMultiRegion(parts[5].substring("key/".length()))) {
      return keyArn;
    }
    return parts[0] + ":" + parts[1] + ":" + parts[2] + "::" + parts[4] + ":" + parts[5];
  }

  /** {@code aliasName} includes the {@code alias/} prefix. */
  public static String alias(String region, String account, String aliasName) {
    return "arn:aws:kms:" + region + ":" + account + ":" + aliasName;
  }
}
