package trent.crypto.asymmetric;

import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import trent.crypto.ThreadLocalSecureRandom;

/** One key pair per spec for the whole test JVM: RSA-4096 generation is slow. */
final class TestKeys {
  static final SecureRandom RANDOM = ThreadLocalSecureRandom.create();
  private static final Map<AsymmetricKeySpec, AsymmetricKeyPair> PAIRS = new ConcurrentHashMap<>();

  private TestKeys() {}

  static AsymmetricKeyPair pair(AsymmetricKeySpec spec) {
    return PAIRS.computeIfAbsent(spec, s -> AsymmetricKeyPair.generate(s, RANDOM));
  }
}
