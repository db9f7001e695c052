package trent.storage;

/** The repositories of one transaction. Valid only while the work it was given to runs. */
public interface Transaction {

  KeyRepository keys();

  KeyMaterialRepository keyMaterials();

  AliasRepository aliases();

  TagRepository tags();

  GrantRepository grants();

  KeyringRepository keyring();

  /** Rotation settings and history (schema V3). Every store of this module's contract overrides it. */
  default RotationRepository rotations() {
    throw new UnsupportedOperationException("this store keeps no rotations");
  }

  /** Last use of keys (schema V4). Every store of this module's contract overrides it. */
  default KeyUsageRepository keyUsage() {
    throw new UnsupportedOperationException("this store keeps no key usage");
  }

  /** Custom key stores (schema V6). Every store of this module's contract overrides it. */
  default CustomKeyStoreRepository customKeyStores() {
    throw new UnsupportedOperationException("this store keeps no custom key stores");
  }
}
