package trent.protocol.sigv4;

import java.util.Iterator;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A small bounded cache of derived SigV4 signing keys, one per verifier instance.
 *
 * <p>A signing key depends only on (secret, date, region, service), so it changes once a day per
 * access key; deriving it costs four HMACs, which this cache saves on almost every request. When
 * full, an arbitrary entry is dropped: the cache is sized far above the number of distinct
 * credentials a node sees in a day, so eviction policy hardly matters and reads stay lock-free.
 *
 * <p>Keys and values are secrets: nothing here is ever printed, and the returned arrays must not be
 * modified.
 */
final class SigningKeyCache {

  private final int maximumSize;
  private final ConcurrentHashMap<Key, byte[]> keys;

  SigningKeyCache(int maximumSize) {
    if (maximumSize < 1) {
      throw new IllegalArgumentException("maximumSize must be positive: " + maximumSize);
    }
    this.maximumSize = maximumSize;
    this.keys = new ConcurrentHashMap<>(Math.min(maximumSize, 64) * 2);
  }

  byte[] get(String secret, String date, String region, String service, Function<Key, byte[]> derive) {
    Key key = new Key(secret, date, region, service);
    byte[] signingKey = keys.get(key);
    if (signingKey == null) {
      signingKey = derive.apply(key);
      if (keys.size() >= maximumSize) {
        Iterator<Key> it = keys.keySet().iterator();
        if (it.hasNext()) {
          it.next();
          it.remove();
        }
      }
      keys.put(key, signingKey);
    }
    return signingKey;
  }

  int size() {
    return keys.size();
  }

  /** What a signing key is derived from. Its {@code toString} hides the secret. */
  static final class Key {
    final String secret;
    final String date;
    final String region;
    final String service;
    private final int hash;

    Key(String secret, String date, String region, String service) {
      this.secret = secret;
      this.date = date;
      this.region = region;
      this.service = service;
      this.hash = Objects.hash(secret, date, region, service);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && hash == k.hash
          && secret.equals(k.secret)
          && date.equals(k.date)
          && region.equals(k.region)
          && service.equals(k.service);
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public String toString() {
      return "SigningKeyCache.Key[" + date + "/" + region + "/" + service + "]";
    }
  }
}
