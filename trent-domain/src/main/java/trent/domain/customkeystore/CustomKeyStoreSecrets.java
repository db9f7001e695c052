package trent.domain.customkeystore;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import trent.domain.Scope;
import trent.domain.rewrap.WrappedSecret;
import trent.domain.rewrap.WrappedSecrets;
import trent.storage.CustomKeyStoreRecord;
import trent.storage.StaleRecordException;
import trent.storage.Transaction;

/**
 * The secret of every custom key store (the CloudHSM password, the XKS proxy's secret access key),
 * for a root rotation: walked in store id order, each at position {@code <customKeyStoreId>} with
 * the associated data {@link CustomKeyStores} wraps it with.
 */
public final class CustomKeyStoreSecrets implements WrappedSecrets {

  @Override
  public String name() {
    return "custom key store secrets";
  }

  @Override
  public Page page(Transaction tx, String cursor, int limit) {
    List<CustomKeyStoreRecord> stores = tx.customKeyStores().listAll(cursor, limit);
    List<WrappedSecret> secrets = new ArrayList<>();
    for (CustomKeyStoreRecord s : stores) {
      if (s.wrappedSecret() != null) {
        secrets.add(new WrappedSecret(s.customKeyStoreId(), s.wrappedSecret(),
            CustomKeyStores.associatedData(new Scope(s.account(), s.region()), s.customKeyStoreId())));
      }
    }
    return new Page(secrets, stores.size() < limit ? null : stores.get(stores.size() - 1).customKeyStoreId());
  }

  @Override
  public boolean replace(Transaction tx, WrappedSecret secret, byte[] rewrapped) {
    Optional<CustomKeyStoreRecord> found = tx.customKeyStores().find(secret.position());
    if (found.isEmpty() || !Arrays.equals(found.get().wrappedSecret(), secret.wrapped())) {
      return false;
    }
    CustomKeyStoreRecord r = found.get();
    try {
      tx.customKeyStores().update(new CustomKeyStoreRecord(r.customKeyStoreId(), r.account(), r.region(), r.name(),
          r.type(), r.cloudHsmClusterId(), r.trustAnchorCertificate(), r.xksProxyConnectivity(),
          r.xksProxyUriEndpoint(), r.xksProxyUriPath(), r.xksProxyVpcEndpointServiceName(),
          r.xksProxyVpcEndpointServiceOwner(), r.xksProxyAccessKeyId(), rewrapped, r.connectionState(),
          r.connectionErrorCode(), r.creationDate(), r.version()));
      return true;
    } catch (StaleRecordException changedMeanwhile) {
      return false;
    }
  }
}
