package trent.ops.keys;

/** The input of the operations whose only member is KeyId (EnableKey, DisableKey, CancelKeyDeletion). */
public record KeyIdRequest(String keyId) {}
