package trent.domain.rewrap;

import java.util.List;
import trent.domain.customkeystore.CustomKeyStoreSecrets;
import trent.domain.key.KeyMaterialSecrets;

/**
 * The one list of every kind of secret stored wrapped under the keyring. A root rotation rewraps
 * exactly what is listed here: a new kind of wrapped secret must be added, or a rotation would
 * leave it under the old term (still readable with the new root, but under a term key the old
 * root also protected).
 */
public final class WrappedSecretKinds {

  private WrappedSecretKinds() {}

  public static List<WrappedSecrets> all() {
    return List.of(new KeyMaterialSecrets(), new CustomKeyStoreSecrets());
  }
}
