package trent.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.DrbgParameters;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.SecureRandomParameters;
import java.security.SecureRandomSpi;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link SecureRandom} that gives every thread its own NIST SP 800-90A DRBG (the JDK's
 * {@code DRBG}: Hash_DRBG with SHA-256, 256-bit security strength), seeded from the operating
 * system's entropy source when the thread first asks.
 *
 * <p>Why: one shared {@code SecureRandom} serialises every request thread on its lock, and the
 * JDK's {@code NativePRNG} serialises even separate instances on a process-wide lock. A DRBG
 * instance per thread never contends. Each thread's instance gets a distinct personalization
 * string (instance number, thread id, creation time) so instances differ even if two were seeded
 * alike.
 *
 * <p>Guarantees: output is as unpredictable as the JDK's DRBG at 256-bit strength; instances are
 * thread-safe without shared locks. The per-thread DRBGs live as long as their threads; use one
 * instance per server, not one per request.
 */
public final class ThreadLocalSecureRandom extends SecureRandom {
  private static final long serialVersionUID = 1L;

  private static final AtomicLong INSTANCES = new AtomicLong();

  private final transient ThreadLocal<SecureRandom> perThread;

  private ThreadLocalSecureRandom(Spi spi, long instance) {
    super(spi, null);
    this.perThread = ThreadLocal.withInitial(() -> newDrbg(instance));
    spi.owner = this;
  }

  /** A new source; every thread that uses it gets its own DRBG. */
  public static ThreadLocalSecureRandom create() {
    // Fail at startup, not on the first request, if the platform has no DRBG.
    newDrbg(-1);
    return new ThreadLocalSecureRandom(new Spi(), INSTANCES.incrementAndGet());
  }

  private SecureRandom current() {
    return perThread.get();
  }

  @Override
  public void nextBytes(byte[] bytes) {
    current().nextBytes(bytes);
  }

  @Override
  public void nextBytes(byte[] bytes, SecureRandomParameters params) {
    current().nextBytes(bytes, params);
  }

  @Override
  public byte[] generateSeed(int numBytes) {
    return current().generateSeed(numBytes);
  }

  @Override
  public void setSeed(byte[] seed) {
    current().setSeed(seed);
  }

  @Override
  public void setSeed(long seed) {
    // Random's constructor calls this before perThread exists; a DRBG ignores that seed anyway.
    if (perThread != null) {
      super.setSeed(seed);
    }
  }

  @Override
  public void reseed() {
    current().reseed();
  }

  @Override
  public void reseed(SecureRandomParameters params) {
    current().reseed(params);
  }

  @Override
  public String getAlgorithm() {
    return "DRBG (one per thread)";
  }

  @Override
  public SecureRandomParameters getParameters() {
    return current().getParameters();
  }

  @Override
  public String toString() {
    return "ThreadLocalSecureRandom[DRBG per thread]";
  }

  private static SecureRandom newDrbg(long instance) {
    Thread t = Thread.currentThread();
    byte[] personalization =
        ByteBuffer.allocate(64)
            .put("trent".getBytes(StandardCharsets.US_ASCII))
            .putLong(instance)
            .putLong(t.getId())
            .putLong(System.nanoTime())
            .putLong(System.currentTimeMillis())
            .array();
    try {
      return SecureRandom.getInstance(
          "DRBG",
          DrbgParameters.instantiation(256, DrbgParameters.Capability.RESEED_ONLY, personalization));
    } catch (NoSuchAlgorithmException e) {
      throw new CryptoException("no DRBG with 256-bit strength is available", e);
    }
  }

  /** Delegates the few calls that reach the SPI directly (for example from {@code Random}). */
  private static final class Spi extends SecureRandomSpi {
    private static final long serialVersionUID = 1L;
    private transient ThreadLocalSecureRandom owner;

    @Override
    protected void engineSetSeed(byte[] seed) {
      owner.current().setSeed(seed);
    }

    @Override
    protected void engineNextBytes(byte[] bytes) {
      owner.current().nextBytes(bytes);
    }

    @Override
    protected byte[] engineGenerateSeed(int numBytes) {
      return owner.current().generateSeed(numBytes);
    }
  }
}
