package trent.domain.key;

/** Where a key's material comes from. */
public enum Origin {
  AWS_KMS,
  EXTERNAL,
  AWS_CLOUDHSM,
  EXTERNAL_KEY_STORE
}
