package trent.domain.key;

import java.util.ArrayList;
import java.util.List;
import trent.domain.rewrap.WrappedSecret;
import trent.domain.rewrap.WrappedSecrets;
import trent.storage.KeyRecord;
import trent.storage.Transaction;

/**
 * Every version of every key's material, for a root rotation: walked key by key in key id order,
 * each record at position {@code <keyId>/<materialId>} with the associated data
 * {@link KeyMaterials} wraps it with.
 */
public final class KeyMaterialSecrets implements WrappedSecrets {

  @Override
  public String name() {
    return "key material versions";
  }

  @Override
  public Page page(Transaction tx, String cursor, int limit) {
    // After every copy of the cursor's key id: the copies of a multi-Region key share their
    // material, which is walked once, with the first copy listed.
    List<KeyRecord> keys = tx.keys().listAll(cursor, null, limit);
    List<WrappedSecret> secrets = new ArrayList<>();
    String previous = null;
    for (KeyRecord key : keys) {
      if (key.keyId().equals(previous)) {
        continue;
      }
      previous = key.keyId();
      String arn = new KmsKey(key).arn();
      tx.keyMaterials().list(key.keyId()).forEach(m -> secrets.add(new WrappedSecret(
          key.keyId() + "/" + m.materialId(), m.wrappedMaterial(), KeyMaterials.associatedData(arn, m.materialId()))));
    }
    return new Page(secrets, keys.size() < limit ? null : keys.get(keys.size() - 1).keyId());
  }

  @Override
  public boolean replace(Transaction tx, WrappedSecret secret, byte[] rewrapped) {
    int slash = secret.position().indexOf('/');
    return tx.keyMaterials().replaceWrapped(secret.position().substring(0, slash),
        secret.position().substring(slash + 1), secret.wrapped(), rewrapped);
  }
}
