/**
 * The storage SPI: what Trent keeps, as plain immutable records, and the repositories and
 * transactions through which it is kept.
 *
 * <p>Storage is dumb on purpose. It holds no domain logic, no cryptography and no clock: every
 * time it stores was decided by the caller, every state change was decided by the domain, and
 * key material arrives already wrapped under the root of trust. An implementation must pass the
 * contract suite in this module's test-jar ({@code StorageContractTest}).
 */
package trent.storage;
