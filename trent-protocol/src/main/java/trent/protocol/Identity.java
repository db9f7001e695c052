package trent.protocol;

import java.util.Objects;

/**
 * A principal that may sign requests: its access key, secret, account and ARN.
 * {@link #toString()} never shows the secret.
 */
public record Identity(String accessKeyId, String secretAccessKey, String account, String arn) {

  public Identity {
    Objects.requireNonNull(accessKeyId, "accessKeyId");
    Objects.requireNonNull(secretAccessKey, "secretAccessKey");
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(arn, "arn");
  }

  @Override
  public String toString() {
    return "Identity[accessKeyId=" + accessKeyId + ", account=" + account + ", arn=" + arn + "]";
  }
}
