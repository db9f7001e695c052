package trent.ops.keys;

/**
 * The key policy AWS gives a key created without one: the account's root principal may do
 * everything, which delegates the decision to the account's identity policies. The text is
 * formatted as GetKeyPolicy returns it.
 */
public final class DefaultKeyPolicy {

  private DefaultKeyPolicy() {}

  public static String forAccount(String account) {
    return "{\n"
        + "  \"Version\" : \"2012-10-17\",\n"
        + "  \"Id\" : \"key-default-1\",\n"
        + "  \"Statement\" : [ {\n"
        + "    \"Sid\" : \"Enable IAM User Permissions\",\n"
        + "    \"Effect\" : \"Allow\",\n"
        + "    \"Principal\" : {\n"
        + "      \"AWS\" : \"arn:aws:iam::" + account + ":root\"\n"
        + "    },\n"
        + "    \"Action\" : \"kms:*\",\n"
        + "    \"Resource\" : \"*\"\n"
        + "  } ]\n"
        + "}";
  }
}
