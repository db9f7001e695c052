/**
 * The operations of OPERATIONS.md "Multi-Region keys" ({@code ReplicateKey}, {@code
 * UpdatePrimaryRegion}): one class per operation, over {@code trent.domain.key.MultiRegionKeys}.
 * The Region of a request is the Region of its signature; these operations reach the other
 * Regions of the caller's account, never another account.
 */
package trent.ops.multiregion;
