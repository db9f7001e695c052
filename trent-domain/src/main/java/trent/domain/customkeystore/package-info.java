/**
 * Custom key stores: AWS CloudHSM key stores and external key stores (XKS), their connection
 * states, and the external key store proxy API they speak.
 *
 * <p>Trent has no CloudHSM: a CloudHSM key store is kept and described as AWS does, and every
 * attempt to connect it ends FAILED with {@code CLUSTER_NOT_FOUND}, never a connection that is not
 * real. An external key store talks to its proxy through {@link XksProxy}; how (HTTPS, SigV4) is
 * the server's business, not this package's.
 */
package trent.domain.customkeystore;
