package trent.server.xks;

import java.util.function.Supplier;
import trent.domain.customkeystore.XksProxy;
import trent.crypto.SecretBytes;
import trent.domain.customkeystore.XksProxyException;

/**
 * An {@link XksProxy} made on its first call. Building the real client reads the JDK's trusted
 * certificates and starts an HTTP client, which costs a noticeable part of a server's start;
 * most servers never call an external key store proxy. Thread-safe: the delegate is made once.
 * A failure to make it fails that call as an unreachable proxy, and the next call tries again.
 */
public final class LazyXksProxy implements XksProxy {

  private final Supplier<XksProxy> factory;
  private volatile XksProxy delegate;

  public LazyXksProxy(Supplier<XksProxy> factory) {
    this.factory = factory;
  }

  private XksProxy delegate() {
    XksProxy d = delegate;
    if (d == null) {
      synchronized (this) {
        d = delegate;
        if (d == null) {
          try {
            d = factory.get();
          } catch (RuntimeException e) {
            throw new XksProxyException(XksProxyException.Kind.NOT_REACHABLE,
                "cannot make the external key store proxy client: " + e.getMessage());
          }
          delegate = d;
        }
      }
    }
    return d;
  }

  @Override
  public void health(Endpoint endpoint, RequestMetadata metadata) {
    delegate().health(endpoint, metadata);
  }

  @Override
  public KeyMetadata keyMetadata(Endpoint endpoint, String externalKeyId, RequestMetadata metadata) {
    return delegate().keyMetadata(endpoint, externalKeyId, metadata);
  }

  @Override
  public Encrypted encrypt(Endpoint endpoint, String externalKeyId, SecretBytes plaintext,
      byte[] additionalAuthenticatedData, RequestMetadata metadata) {
    return delegate().encrypt(endpoint, externalKeyId, plaintext, additionalAuthenticatedData, metadata);
  }

  @Override
  public SecretBytes decrypt(Endpoint endpoint, String externalKeyId, Encrypted encrypted,
      byte[] additionalAuthenticatedData, RequestMetadata metadata) {
    return delegate().decrypt(endpoint, externalKeyId, encrypted, additionalAuthenticatedData, metadata);
  }
}
