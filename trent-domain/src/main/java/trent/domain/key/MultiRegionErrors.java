package trent.domain.key;

import trent.domain.error.AlreadyExistsException;
import trent.domain.error.KmsUnsupportedOperationException;

/**
 * AWS's answers to multi-Region requests that do not fit the key. The texts name the key by ARN as
 * AWS does; where a text is not recorded from AWS, its factory says so.
 */
public final class MultiRegionErrors {

  private MultiRegionErrors() {}

  /**
   * ReplicateKey or UpdatePrimaryRegion of a single-Region key. Not recorded from AWS; worded like
   * {@link #notPrimary}, whose text is.
   */
  public static KmsUnsupportedOperationException notMultiRegion(String keyArn) {
    return new KmsUnsupportedOperationException(keyArn + " is not a multi-region key.");
  }

  /**
   * ReplicateKey of a replica (a replica of a replica), and the rotation operations of a replica:
   * AWS's text as OPERATIONS.md gives it for ReplicateKey, lower-case "region" included.
   */
  public static KmsUnsupportedOperationException notPrimary(String keyArn) {
    return new KmsUnsupportedOperationException(keyArn + " is not a multi-region primary key.");
  }

  /** ReplicateKey to a Region that holds a copy of the key already. Not recorded from AWS. */
  public static AlreadyExistsException replicaExists(String replicaArn) {
    return new AlreadyExistsException("Key '" + replicaArn + "' already exists.");
  }

  /** ReplicateKey to the primary's own Region, or UpdatePrimaryRegion to it. Not recorded from AWS. */
  public static KmsUnsupportedOperationException sameRegion(String keyArn, String region) {
    return new KmsUnsupportedOperationException(keyArn + " is already in Region " + region + ".");
  }

  /** UpdatePrimaryRegion to a Region with no copy of the key. Not recorded from AWS. */
  public static KmsUnsupportedOperationException noReplicaIn(String keyArn, String region) {
    return new KmsUnsupportedOperationException(keyArn + " has no replica in Region " + region + ".");
  }
}
