/**
 * The operations of OPERATIONS.md "Asymmetric: sign / verify, public key, HMAC, key agreement":
 * Sign, Verify, GetPublicKey, GenerateMac, VerifyMac and DeriveSharedSecret. Each runs its checks
 * in the shared order (resolve the key, key state, key usage, algorithm and input rules, DryRun)
 * and then makes one call into {@code trent.domain.asymmetric}. Data plane: no disk once a key is
 * cached, so they run on the I/O thread.
 */
package trent.ops.asymmetric;
