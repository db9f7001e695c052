/**
 * Benchmarks of Trent: a closed-loop load generator that signs every request with SigV4
 * ({@link trent.bench.LoadGenerator}), a start-time probe ({@link trent.bench.StartupProbe}), and
 * JMH benchmarks of the crypto core ({@code trent.bench.jmh}). Run them with {@code ./bench}.
 *
 * <p>Nothing here is used by the server; benchmarks report numbers, and the tests of this module
 * check behaviour (the signer verifies, the generator counts right), never timing.
 */
package trent.bench;
