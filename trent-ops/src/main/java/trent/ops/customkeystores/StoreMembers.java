package trent.ops.customkeystores;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import trent.domain.customkeystore.CustomKeyStoreType;
import trent.domain.customkeystore.XksProxyConnectivity;
import trent.domain.error.IncorrectTrustAnchorException;
import trent.domain.error.ValidationException;

/**
 * The cross-member rules of CreateCustomKeyStore and UpdateCustomKeyStore: which members a store
 * of each type takes (API reference of both operations). The model checked each member's form.
 */
final class StoreMembers {

  private StoreMembers() {}

  // unconfirmed: AWS's text for a member the store's type needs but the request lacks.
  static ValidationException required(String member, String condition) {
    return new ValidationException(member + " is required " + condition + ".");
  }

  // unconfirmed: AWS's text for a member the store's type does not take.
  static ValidationException notValid(String member, String condition) {
    return new ValidationException(member + " is not valid " + condition + ".");
  }

  static String forType(CustomKeyStoreType type) {
    return "for a custom key store of type " + type.name();
  }

  static void requirePresent(Object value, String member, String condition) {
    if (value == null) {
      throw required(member, condition);
    }
  }

  static void requireAbsent(Object value, String member, String condition) {
    if (value != null) {
      throw notValid(member, condition);
    }
  }

  /** A VPC endpoint service name goes with VPC_ENDPOINT_SERVICE connectivity only. */
  static void requireConnectivityFits(XksProxyConnectivity connectivity, String serviceName, String serviceOwner) {
    if (connectivity == XksProxyConnectivity.VPC_ENDPOINT_SERVICE) {
      requirePresent(serviceName, "XksProxyVpcEndpointServiceName", "when XksProxyConnectivity is VPC_ENDPOINT_SERVICE");
    } else if (connectivity == XksProxyConnectivity.PUBLIC_ENDPOINT) {
      requireAbsent(serviceName, "XksProxyVpcEndpointServiceName", "when XksProxyConnectivity is PUBLIC_ENDPOINT");
      requireAbsent(serviceOwner, "XksProxyVpcEndpointServiceOwner", "when XksProxyConnectivity is PUBLIC_ENDPOINT");
    }
  }

  /**
   * A trust anchor must at least be an X.509 certificate in PEM: Trent has no cluster to compare it
   * with, but text that is no certificate cannot be any cluster's trust anchor.
   */
  static void requireCertificate(String pem) {
    try {
      CertificateFactory.getInstance("X.509")
          .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
    } catch (CertificateException | RuntimeException e) {
      throw IncorrectTrustAnchorException.notTheClustersTrustAnchor();
    }
  }
}
