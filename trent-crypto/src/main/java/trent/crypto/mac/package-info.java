/**
 * HMAC KMS keys (HMAC_224/256/384/512) and GenerateMac/VerifyMac, on the JDK's HMAC. Knows nothing
 * of KMS keys, key states, requests or storage.
 *
 * <p>Wrong algorithm for a key spec: {@link java.lang.IllegalArgumentException} (callers check
 * {@link trent.crypto.mac.HmacKeySpec#macAlgorithm()} first and answer with AWS's error); a MAC that
 * does not verify: {@code false}, compared in constant time.
 */
package trent.crypto.mac;
