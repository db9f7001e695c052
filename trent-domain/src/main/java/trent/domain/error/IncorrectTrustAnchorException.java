package trent.domain.error;

/** Wire error {@code IncorrectTrustAnchorException}. */
public final class IncorrectTrustAnchorException extends KmsException {
  private static final long serialVersionUID = 1L;
  public static final String CODE = "IncorrectTrustAnchorException";

  public IncorrectTrustAnchorException(String message) {
    super(CODE, message);
  }

  /** The trust anchor is not a certificate at all, so it cannot be the cluster's. */
  // unconfirmed: AWS's text; the meaning is the API reference's.
  public static IncorrectTrustAnchorException notTheClustersTrustAnchor() {
    return new IncorrectTrustAnchorException("The trust anchor certificate in the request is not the trust anchor"
        + " certificate for the specified AWS CloudHSM cluster.");
  }
}
