package trent.domain.key;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import trent.domain.rewrap.WrappedSecret;
import trent.domain.rewrap.WrappedSecrets;
import trent.storage.ImportParametersRecord;
import trent.storage.ImportedMaterialRecord;
import trent.storage.KeyRecord;
import trent.storage.StaleRecordException;
import trent.storage.Transaction;

/**
 * What imported key material leaves wrapped besides the material itself, for a root rotation:
 * the private keys of import parameters ({@code parameters/<parametersId>}) and the digests by
 * which a reimport is checked ({@code digest/<keyId>/<materialId>}). Walked key by key in key id
 * order, with the associated data {@link KeyMaterials} wraps them with.
 */
public final class ImportSecrets implements WrappedSecrets {

  private static final String PARAMETERS = "parameters/";
  private static final String DIGEST = "digest/";

  @Override
  public String name() {
    return "import parameters and imported material digests";
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
      for (ImportParametersRecord p : tx.imports().listParameters(key.keyId())) {
        secrets.add(new WrappedSecret(PARAMETERS + p.parametersId(), p.wrappedPrivateKey(),
            KeyMaterials.importKeyAssociatedData(arn, p.parametersId())));
      }
      for (ImportedMaterialRecord m : tx.imports().listMaterials(key.keyId())) {
        secrets.add(new WrappedSecret(DIGEST + key.keyId() + "/" + m.materialId(), m.wrappedDigest(),
            KeyMaterials.digestAssociatedData(arn, m.materialId())));
      }
    }
    return new Page(secrets, keys.size() < limit ? null : keys.get(keys.size() - 1).keyId());
  }

  @Override
  public boolean replace(Transaction tx, WrappedSecret secret, byte[] rewrapped) {
    String position = secret.position();
    if (position.startsWith(PARAMETERS)) {
      return tx.imports().replaceWrappedPrivateKey(position.substring(PARAMETERS.length()), secret.wrapped(), rewrapped);
    }
    String rest = position.substring(DIGEST.length());
    int slash = rest.indexOf('/');
    Optional<ImportedMaterialRecord> found = tx.imports().findMaterial(rest.substring(0, slash),
        rest.substring(slash + 1));
    if (found.isEmpty() || !Arrays.equals(found.get().wrappedDigest(), secret.wrapped())) {
      return false;
    }
    ImportedMaterialRecord m = found.get();
    try {
      tx.imports().updateMaterial(new ImportedMaterialRecord(m.keyId(), m.materialId(), m.importState(),
          m.expirationModel(), m.validTo(), m.description(), rewrapped, m.pendingRotation(), m.importedAt(),
          m.version()));
      return true;
    } catch (StaleRecordException changedMeanwhile) {
      return false;
    }
  }
}
