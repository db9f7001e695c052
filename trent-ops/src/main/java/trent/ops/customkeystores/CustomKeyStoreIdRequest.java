package trent.ops.customkeystores;

/** The input of ConnectCustomKeyStore, DisconnectCustomKeyStore and DeleteCustomKeyStore. */
public record CustomKeyStoreIdRequest(String customKeyStoreId) {}
