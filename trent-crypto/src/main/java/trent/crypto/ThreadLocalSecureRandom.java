package trent.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.DrbgParameters;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.SecureRandomParameters;
import java.security.SecureRandomSpi;
import java.util.Arrays;
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
 * <p>Small requests (up to {@link #BUFFERED_REQUEST} bytes: keys, nonces, IVs) are served from a
 * per-thread block of {@link #BLOCK} bytes that the DRBG fills in one call. Hash_DRBG pays a
 * state update and a big-number addition per call whatever its length, so a request's two or
 * three small draws cost about three times what their share of one block does. Bytes handed out
 * are overwritten in the block at once; the rest are future output, which the DRBG's state in
 * the same memory determines anyway. Reseeding discards the block, so output after a reseed
 * comes from the reseeded state. Larger requests, and requests with parameters, go to the DRBG
 * directly.
 *
 * <p>Guarantees: output is as unpredictable as the JDK's DRBG at 256-bit strength; instances are
 * thread-safe without shared locks. The per-thread DRBGs live as long as their threads; use one
 * instance per server, not one per request.
 */
public final class ThreadLocalSecureRandom extends SecureRandom {
  private static final long serialVersionUID = 1L;

  private static final AtomicLong INSTANCES = new AtomicLong();

  /** The largest request served from a thread's block. */
  static final int BUFFERED_REQUEST = 64;

  /** The length of a thread's block of DRBG output. */
  static final int BLOCK = 512;

  private final transient ThreadLocal<Source> perThread;

  private ThreadLocalSecureRandom(Spi spi, long instance) {
    super(spi, null);
    this.perThread = ThreadLocal.withInitial(() -> new Source(newDrbg(instance)));
    spi.owner = this;
  }

  /** A new source; every thread that uses it gets its own DRBG. */
  public static ThreadLocalSecureRandom create() {
    // Fail at startup, not on the first request, if the platform has no DRBG.
    newDrbg(-1);
    return new ThreadLocalSecureRandom(new Spi(), INSTANCES.incrementAndGet());
  }

  private SecureRandom current() {
    return perThread.get().drbg;
  }

  @Override
  public void nextBytes(byte[] bytes) {
    perThread.get().nextBytes(bytes);
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
    Source source = perThread.get();
    source.drbg.setSeed(seed);
    source.discard();
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
    Source source = perThread.get();
    source.drbg.reseed();
    source.discard();
  }

  @Override
  public void reseed(SecureRandomParameters params) {
    Source source = perThread.get();
    source.drbg.reseed(params);
    source.discard();
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

  /** A thread's DRBG and its block of output not yet handed out. Used by its thread only. */
  static final class Source {
    final SecureRandom drbg;
    final byte[] block = new byte[BLOCK];
    /** Where the unused output starts: {@code BLOCK} when the block is spent. */
    int next = BLOCK;

    Source(SecureRandom drbg) {
      this.drbg = drbg;
    }

    void nextBytes(byte[] bytes) {
      int n = bytes.length;
      if (n > BUFFERED_REQUEST) {
        drbg.nextBytes(bytes);
        return;
      }
      if (BLOCK - next < n) {
        drbg.nextBytes(block);
        next = 0;
      }
      System.arraycopy(block, next, bytes, 0, n);
      Arrays.fill(block, next, next + n, (byte) 0);
      next += n;
    }

    /** Forgets the unused output (after a reseed it would not depend on the new seed). */
    void discard() {
      Arrays.fill(block, (byte) 0);
      next = BLOCK;
    }
  }

  /** The calling thread's source, for tests. */
  Source sourceOfThisThread() {
    return perThread.get();
  }

  /** Delegates the few calls that reach the SPI directly (for example from {@code Random}). */
  private static final class Spi extends SecureRandomSpi {
    private static final long serialVersionUID = 1L;
    private transient ThreadLocalSecureRandom owner;

    @Override
    protected void engineSetSeed(byte[] seed) {
      owner.setSeed(seed);
    }

    @Override
    protected void engineNextBytes(byte[] bytes) {
      owner.nextBytes(bytes);
    }

    @Override
    protected byte[] engineGenerateSeed(int numBytes) {
      return owner.current().generateSeed(numBytes);
    }
  }
}
