/**
 * The data plane of asymmetric and HMAC KMS keys: Sign, Verify, GetPublicKey, asymmetric Encrypt
 * and Decrypt, DeriveSharedSecret, GenerateMac and VerifyMac, over the key pairs and HMAC keys the
 * {@link trent.domain.key.KeyCache} holds in memory. The operations above check key state, usage,
 * algorithm and input rules first; what reaches this package is a request that may run.
 */
package trent.domain.asymmetric;
