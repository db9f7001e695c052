package trent.storage;

/** The repositories of one transaction. Valid only while the work it was given to runs. */
public interface Transaction {

  KeyRepository keys();

  KeyMaterialRepository keyMaterials();

  AliasRepository aliases();

  TagRepository tags();

  GrantRepository grants();

  KeyringRepository keyring();
}
