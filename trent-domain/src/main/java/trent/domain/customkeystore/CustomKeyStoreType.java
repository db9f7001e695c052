package trent.domain.customkeystore;

/** The kinds of custom key store, named as AWS names them. */
public enum CustomKeyStoreType {
  AWS_CLOUDHSM,
  EXTERNAL_KEY_STORE
}
