/**
 * The client of external key store proxies: the XKS proxy API over HTTPS, every request signed
 * with SigV4 (service {@code kms-xks-proxy}). It knows the wire; the domain knows what the
 * answers mean.
 */
package trent.server.xks;
