/**
 * JMH benchmarks of the per-request crypto of Trent's data plane: the derived-key AEAD, the
 * ciphertext format, the encryption context encoding, SigV4 verification and the per-thread DRBG.
 * Run with {@code ./bench jmh}; each reports the average time of one operation in nanoseconds.
 */
package trent.bench.jmh;
