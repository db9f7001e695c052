package trent.domain.key;

/** Builds the ARNs of keys and aliases. Trent serves the {@code aws} partition. */
public final class KeyArns {

  private KeyArns() {}

  public static String key(String region, String account, String keyId) {
    return "arn:aws:kms:" + region + ":" + account + ":key/" + keyId;
  }

  /** {@code aliasName} includes the {@code alias/} prefix. */
  public static String alias(String region, String account, String aliasName) {
    return "arn:aws:kms:" + region + ":" + account + ":" + aliasName;
  }
}
