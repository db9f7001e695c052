package trent.domain.customkeystore;

import java.util.List;
import trent.crypto.SecretBytes;
import trent.domain.Scope;
import trent.domain.ciphertext.EncryptionContext;
import trent.domain.ciphertext.ExternalCiphertext;
import trent.domain.envelope.ExternalLayer;
import trent.domain.error.CustomKeyStoreNotFoundException;
import trent.domain.error.KMSInvalidStateException;
import trent.domain.error.XksKeyAlreadyInUseException;
import trent.domain.key.KmsKey;

/**
 * Keys in external key stores: the check of an external key before a KMS key is associated with
 * it (XKS proxy API specification, GetKeyMetadata, "KMS Considerations": CreateKey fails unless
 * the key is AES_256, usable to ENCRYPT and DECRYPT, and ENABLED), and the outer layer of their
 * double encryption (the proxy's Encrypt and Decrypt, "KMS Considerations": KMS embeds every field
 * of the proxy's answer in the ciphertext blob).
 *
 * <p>Every proxy call reads the store first: it must be CONNECTED, else the operation fails with
 * {@code KMSInvalidStateException} and the specification's text. Failures of the proxy become the
 * errors of the specification's table ({@link XksErrors#forCryptographicOperation}).
 */
public final class ExternalKeys implements ExternalLayer {

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

  @Override
  public byte[] seal(KmsKey key, byte[] innerBlob, EncryptionContext context, Call call) {
    CustomKeyStore store = connectedStoreOf(key);
    byte[] header = ExternalCiphertext.header(key.keyId(), key.currentMaterialId().orElseThrow(), store.id());
    byte[] aad = ExternalCiphertext.additionalAuthenticatedData(header, context);
    XksProxy.Endpoint endpoint = stores.endpoint(store);
    XksProxy.Encrypted encrypted;
    try (SecretBytes inner = SecretBytes.copyOf(innerBlob)) {
      encrypted = stores.proxy().encrypt(endpoint, key.xksKeyId().orElseThrow(), inner, aad, metadata(key, call));
    } catch (XksProxyException e) {
      throw XksErrors.forCryptographicOperation(e);
    } finally {
      endpoint.secretAccessKey().close();
    }
    try {
      if (encrypted.ciphertext().length != innerBlob.length) {
        throw new IllegalArgumentException("AES-GCM ciphertext of another length than its plaintext");
      }
      return ExternalCiphertext.write(header, encrypted.ciphertextMetadata(), encrypted.initializationVector(),
          encrypted.authenticationTag(), encrypted.ciphertext());
    } catch (IllegalArgumentException e) {
      throw XksErrors.forCryptographicOperation(new XksProxyException(XksProxyException.Kind.MALFORMED_RESPONSE,
          e.getMessage()));
    }
  }

  @Override
  public byte[] open(KmsKey key, ExternalCiphertext.Parsed blob, EncryptionContext context, Call call) {
    CustomKeyStore store = connectedStoreOf(key);
    byte[] aad = ExternalCiphertext.additionalAuthenticatedData(blob.headerBytes(), context);
    XksProxy.Endpoint endpoint = stores.endpoint(store);
    XksProxy.Encrypted encrypted = new XksProxy.Encrypted(blob.ciphertext(), blob.ciphertextMetadata(),
        blob.initializationVector(), blob.authenticationTag());
    try (SecretBytes inner = stores.proxy().decrypt(endpoint, key.xksKeyId().orElseThrow(), encrypted, aad,
        metadata(key, call))) {
      return inner.revealCopy();
    } catch (XksProxyException e) {
      throw XksErrors.forCryptographicOperation(e);
    } finally {
      endpoint.secretAccessKey().close();
    }
  }

  private CustomKeyStore connectedStoreOf(KmsKey key) {
    CustomKeyStore store;
    try {
      store = stores.find(new Scope(key.account(), key.region()), key.customKeyStoreId().orElseThrow());
    } catch (CustomKeyStoreNotFoundException e) {
      throw new KMSInvalidStateException(trent.domain.error.CustomKeyStoreInvalidStateException.XKS_NOT_CONNECTED);
    }
    if (store.connectionState() != ConnectionState.CONNECTED) {
      throw new KMSInvalidStateException(trent.domain.error.CustomKeyStoreInvalidStateException.XKS_NOT_CONNECTED);
    }
    return store;
  }

  private static XksProxy.RequestMetadata metadata(KmsKey key, Call call) {
    return new XksProxy.RequestMetadata(call.principalArn(), key.arn(), call.operation(), call.requestId());
  }
}
