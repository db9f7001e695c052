package trent.domain.asymmetric;

import trent.crypto.mac.Hmac;
import trent.crypto.mac.HmacKey;
import trent.crypto.mac.MacAlgorithm;
import trent.domain.error.KMSInternalException;
import trent.domain.key.KeyCache;
import trent.domain.key.KmsKey;

/**
 * GenerateMac and VerifyMac under HMAC KMS keys, through the in-memory {@link KeyCache}. The
 * caller has checked state, usage and that the algorithm is the key spec's; a MAC is compared in
 * constant time.
 */
public final class Macs {

  private final KeyCache cache;

  public Macs(KeyCache cache) {
    this.cache = cache;
  }

  public KeyCache keys() {
    return cache;
  }

  public byte[] generateMac(KmsKey key, MacAlgorithm algorithm, byte[] message) {
    return Hmac.generateMac(hmacKey(key), algorithm, message);
  }

  public boolean verifyMac(KmsKey key, MacAlgorithm algorithm, byte[] message, byte[] mac) {
    return Hmac.verifyMac(hmacKey(key), algorithm, message, mac);
  }

  private HmacKey hmacKey(KmsKey key) {
    String materialId = key.currentMaterialId()
        .orElseThrow(() -> new KMSInternalException("Key " + key.arn() + " has no current key material.", null));
    return cache.hmacKey(key, materialId)
        .orElseThrow(() -> new KMSInternalException("The current key material of " + key.arn() + " is missing.", null));
  }
}
