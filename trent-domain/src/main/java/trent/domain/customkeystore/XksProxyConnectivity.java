package trent.domain.customkeystore;

/** How KMS reaches an external key store proxy (XksProxyConnectivityType). */
public enum XksProxyConnectivity {
  PUBLIC_ENDPOINT,
  VPC_ENDPOINT_SERVICE
}
