package trent.domain.key;

import trent.domain.error.KMSInvalidStateException;

/** The states of a KMS key, named as AWS names them. */
public enum KeyState {
  Creating("creating"),
  Enabled("enabled"),
  Disabled("disabled"),
  PendingDeletion("pending deletion"),
  PendingImport("pending import"),
  PendingReplicaDeletion("pending replica deletion"),
  Unavailable("unavailable"),
  Updating("updating");

  private final String phrase;

  KeyState(String phrase) {
    this.phrase = phrase;
  }

  /** The error for an operation this state does not allow: {@code <key ARN> is pending deletion.} */
  public KMSInvalidStateException invalidFor(String keyArn) {
    return KMSInvalidStateException.keyIs(keyArn, phrase);
  }
}
