package trent.crypto.keyring;

/**
 * Argon2id (RFC 9106, version 0x13) cost parameters for {@link PassphraseRootOfTrust}.
 *
 * <p>Guarantees: every instance is computable (memory at least 8 KiB per lane, as Argon2 requires)
 * and bounded (at most 4 GiB, 64 passes, 16 lanes), so a tampered root file cannot make start-up
 * exhaust the machine. Instances made by {@link #of} are also at least as strong as the OWASP
 * minimum for Argon2id (19 MiB, 2 passes); only {@link #insecureForTesting} makes weaker ones.
 *
 * <p>{@link #recommended()} is 64 MiB, 3 passes, 1 lane: RFC 9106's second recommended option
 * (64 MiB, t=3) with one lane because the implementation computes lanes one after another, so more
 * lanes would not make start-up faster for us but would let an attacker with parallel hardware
 * split the work. A start-up pays this once; see {@link PassphraseRootOfTrust} for the measured cost.
 */
public final class Argon2idParameters {

  static final int MIN_MEMORY_KIB_PER_LANE = 8;
  static final int MAX_MEMORY_KIB = 4 * 1024 * 1024;
  static final int MAX_ITERATIONS = 64;
  static final int MAX_PARALLELISM = 16;

  static final int SAFE_MIN_MEMORY_KIB = 19 * 1024;
  static final int SAFE_MIN_ITERATIONS = 2;

  private static final Argon2idParameters RECOMMENDED = new Argon2idParameters(64 * 1024, 3, 1);

  private final int memoryKib;
  private final int iterations;
  private final int parallelism;

  private Argon2idParameters(int memoryKib, int iterations, int parallelism) {
    this.memoryKib = memoryKib;
    this.iterations = iterations;
    this.parallelism = parallelism;
  }

  /** 64 MiB, 3 passes, 1 lane. */
  public static Argon2idParameters recommended() {
    return RECOMMENDED;
  }

  /**
   * Parameters at least as strong as the OWASP minimum (19 MiB of memory, 2 passes).
   *
   * @throws IllegalArgumentException naming the parameter that is out of range
   */
  public static Argon2idParameters of(int memoryKib, int iterations, int parallelism) {
    if (memoryKib < SAFE_MIN_MEMORY_KIB) {
      throw new IllegalArgumentException("Argon2id memory must be at least " + SAFE_MIN_MEMORY_KIB
          + " KiB (19 MiB), got " + memoryKib + " KiB");
    }
    if (iterations < SAFE_MIN_ITERATIONS) {
      throw new IllegalArgumentException(
          "Argon2id iterations must be at least " + SAFE_MIN_ITERATIONS + ", got " + iterations);
    }
    return checked(memoryKib, iterations, parallelism);
  }

  /**
   * Parameters that may be far too weak to protect a passphrase: for tests that must start fast.
   *
   * @throws IllegalArgumentException when Argon2 cannot run with them or they exceed the bounds
   */
  public static Argon2idParameters insecureForTesting(int memoryKib, int iterations, int parallelism) {
    return checked(memoryKib, iterations, parallelism);
  }

  /** Structural checks only: what a root file may name. */
  static Argon2idParameters checked(int memoryKib, int iterations, int parallelism) {
    if (parallelism < 1 || parallelism > MAX_PARALLELISM) {
      throw new IllegalArgumentException(
          "Argon2id parallelism must be 1.." + MAX_PARALLELISM + ", got " + parallelism);
    }
    if (iterations < 1 || iterations > MAX_ITERATIONS) {
      throw new IllegalArgumentException(
          "Argon2id iterations must be 1.." + MAX_ITERATIONS + ", got " + iterations);
    }
    long minMemory = (long) MIN_MEMORY_KIB_PER_LANE * parallelism;
    if (memoryKib < minMemory || memoryKib > MAX_MEMORY_KIB) {
      throw new IllegalArgumentException("Argon2id memory must be " + minMemory + ".."
          + MAX_MEMORY_KIB + " KiB for " + parallelism + " lane(s), got " + memoryKib + " KiB");
    }
    return new Argon2idParameters(memoryKib, iterations, parallelism);
  }

  public int memoryKib() {
    return memoryKib;
  }

  public int iterations() {
    return iterations;
  }

  public int parallelism() {
    return parallelism;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Argon2idParameters
        && ((Argon2idParameters) o).memoryKib == memoryKib
        && ((Argon2idParameters) o).iterations == iterations
        && ((Argon2idParameters) o).parallelism == parallelism;
  }

  @Override
  public int hashCode() {
    return (memoryKib * 31 + iterations) * 31 + parallelism;
  }

  @Override
  public String toString() {
    return "Argon2id[m=" + memoryKib + " KiB, t=" + iterations + ", p=" + parallelism + "]";
  }
}
