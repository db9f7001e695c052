package trent.domain.grant;

import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import trent.storage.GrantRecord;

/**
 * A grant as the domain sees it: the stored record with typed operations and constraints, and the
 * rule deciding what it allows.
 */
public final class Grant {

  private final GrantRecord record;
  private final Set<GrantOperation> operations;
  private final GrantConstraints constraints;

  public Grant(GrantRecord record) {
    this.record = record;
    Set<GrantOperation> ops = EnumSet.noneOf(GrantOperation.class);
    record.operations().forEach(op -> ops.add(GrantOperation.valueOf(op)));
    this.operations = ops;
    this.constraints = GrantConstraints.decode(record.constraints());
  }

  public GrantRecord record() {
    return record;
  }

  public String grantId() {
    return record.grantId();
  }

  public String keyId() {
    return record.keyId();
  }

  /** The Region of the key the grant is on (a grant is on one copy of a multi-Region key). */
  public String region() {
    return record.region();
  }

  public Optional<String> name() {
    return Optional.ofNullable(record.name());
  }

  public Instant creationDate() {
    return record.creationDate();
  }

  public String granteePrincipal() {
    return record.granteePrincipal();
  }

  public Optional<String> retiringPrincipal() {
    return Optional.ofNullable(record.retiringPrincipal());
  }

  public String issuingAccount() {
    return record.issuingAccount();
  }

  /** The operations in the order they were given. */
  public List<String> operationNames() {
    return record.operations();
  }

  public Set<GrantOperation> operations() {
    return operations;
  }

  public GrantConstraints constraints() {
    return constraints;
  }

  /**
   * Whether this grant lets {@code principalArn} run {@code operation} with that encryption context:
   * the principal is the grantee, the operation is listed, and, for an operation that takes an
   * encryption context, the constraints hold. (Constraints do not apply to operations without an
   * encryption context, such as DescribeKey and RetireGrant.)
   */
  public boolean allows(GrantOperation operation, String principalArn, Map<String, String> encryptionContext) {
    if (!record.granteePrincipal().equals(principalArn) || !operations.contains(operation)) {
      return false;
    }
    return !operation.takesEncryptionContext() || constraints.allows(encryptionContext);
  }

  /**
   * Whether a grant with these operations and constraints is no wider than this one: its operations are
   * some or all of this grant's and its constraints at least as strict. A principal whose CreateGrant
   * permission comes from this grant may create only such grants (KMS developer guide, "Granting
   * CreateGrant permission").
   */
  public boolean covers(Collection<GrantOperation> childOperations, GrantConstraints childConstraints) {
    return operations.containsAll(childOperations) && childConstraints.atLeastAsStrictAs(constraints);
  }

  /** Who may retire it: the retiring principal, the grantee if RetireGrant is listed, or the issuing account's root. */
  public boolean retirableBy(String principalArn) {
    return principalArn.equals(record.retiringPrincipal())
        || (principalArn.equals(record.granteePrincipal()) && operations.contains(GrantOperation.RetireGrant))
        || principalArn.equals(record.issuingAccount());
  }

  @Override
  public String toString() {
    return "Grant[" + record.grantId() + " on " + record.keyId() + "]";
  }
}
