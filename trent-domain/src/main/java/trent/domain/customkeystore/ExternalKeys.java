package trent.domain.customkeystore;

import java.util.List;
import trent.domain.error.XksKeyAlreadyInUseException;

/**
 * Keys in external key stores: the check of an external key before a KMS key is associated with
 * it (XKS proxy API specification, GetKeyMetadata, "KMS Considerations": CreateKey fails unless
 * the key is AES_256, usable to ENCRYPT and DECRYPT, and ENABLED).
 */
public final class ExternalKeys {

  private final CustomKeyStores stores;

  public ExternalKeys(CustomKeyStores stores) {
    this.stores = stores;
  }

  /**
   * CreateKey's check of the external key: not associated with another KMS key of the store
   * ({@code XksKeyAlreadyInUseException}), found at the proxy and of the required configuration
   * ({@link XksErrors#forCreateKey}, {@link XksErrors#keyNotUsable}).
   */
  public void requireUsable(CustomKeyStore store, String xksKeyId, String principalArn, String requestId) {
    if (stores.keyWithExternalKey(store.id(), xksKeyId).isPresent()) {
      throw XksKeyAlreadyInUseException.inUse(xksKeyId);
    }
    XksProxy.Endpoint endpoint = stores.endpoint(store);
    XksProxy.KeyMetadata metadata;
    try {
      metadata = stores.proxy().keyMetadata(endpoint, xksKeyId,
          new XksProxy.RequestMetadata(principalArn, null, "CreateKey", requestId));
    } catch (XksProxyException e) {
      throw XksErrors.forCreateKey(e);
    } finally {
      endpoint.secretAccessKey().close();
    }
    List<String> usage = metadata.keyUsage() == null ? List.of() : metadata.keyUsage();
    if (!"AES_256".equals(metadata.keySpec()) || !usage.contains("ENCRYPT") || !usage.contains("DECRYPT")
        || !"ENABLED".equals(metadata.keyStatus())) {
      throw XksErrors.keyNotUsable();
    }
  }
}
