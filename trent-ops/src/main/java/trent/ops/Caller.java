package trent.ops;

import java.util.Objects;

/**
 * The authenticated principal of a request.
 *
 * @param account the caller's account id (12 digits)
 * @param principalArn e.g. {@code arn:aws:iam::111122223333:root} or {@code ...:user/alice}
 * @param accessKeyId the access key id the request was signed with
 */
public record Caller(String account, String principalArn, String accessKeyId) {

  public Caller {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(principalArn, "principalArn");
    Objects.requireNonNull(accessKeyId, "accessKeyId");
  }
}
