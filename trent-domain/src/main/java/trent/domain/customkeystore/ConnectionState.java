package trent.domain.customkeystore;

/** A custom key store's connection state (ConnectionStateType), named as AWS names them. */
public enum ConnectionState {
  CONNECTED,
  CONNECTING,
  FAILED,
  DISCONNECTED,
  DISCONNECTING
}
