package trent.domain.key;

import trent.domain.error.AlreadyExistsException;
import trent.domain.error.KmsUnsupportedOperationException;

/**
 * AWS's answers to multi-Region requests that do not fit the key. The texts name the key by ARN as
 * AWS does; where a text is not recorded from AWS, its factory says so.
 */
public final class MultiRegionErrors {

  private MultiRegionErrors() {}

  /** ReplicateKey or UpdatePrimaryRegion of a single-Region key. Not recorded from AWS. */
  public static KmsUnsupportedOperationException notMultiRegion(String keyArn) {
    return new KmsUnsupportedOperationException(keyArn + " is not a multi-Region key.");
  }

  /**
   * ReplicateKey of a replica (a replica of a replica), and the rotation operations of a replica:
   * the text AWS answers, matched by Terraform's AWS provider ("is not a multi-Region primary key").
   */
  public static KmsUnsupportedOperationException notPrimary(String keyArn) {
    return new KmsUnsupportedOperationException(keyArn + " is not a multi-Region primary key.");
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
