package trent.domain.customkeystore;

import java.time.Instant;
import java.util.Optional;
import trent.storage.CustomKeyStoreRecord;

/**
 * A custom key store as the domain sees it: the stored record with typed values. It never holds
 * the store's secret in the clear; {@link CustomKeyStores} unwraps it only to use it.
 */
public final class CustomKeyStore {

  private final CustomKeyStoreRecord record;

  public CustomKeyStore(CustomKeyStoreRecord record) {
    this.record = record;
  }

  public CustomKeyStoreRecord record() {
    return record;
  }

  public String id() {
    return record.customKeyStoreId();
  }

  public String name() {
    return record.name();
  }

  public String account() {
    return record.account();
  }

  public String region() {
    return record.region();
  }

  public CustomKeyStoreType type() {
    return CustomKeyStoreType.valueOf(record.type());
  }

  public boolean external() {
    return type() == CustomKeyStoreType.EXTERNAL_KEY_STORE;
  }

  public ConnectionState connectionState() {
    return ConnectionState.valueOf(record.connectionState());
  }

  public Optional<String> connectionErrorCode() {
    return Optional.ofNullable(record.connectionErrorCode());
  }

  public Instant creationDate() {
    return record.creationDate();
  }

  public Optional<XksProxyConnectivity> connectivity() {
    return Optional.ofNullable(record.xksProxyConnectivity()).map(XksProxyConnectivity::valueOf);
  }

  @Override
  public String toString() {
    return "CustomKeyStore[" + id() + ", " + type() + ", " + connectionState() + "]";
  }
}
