package trent.ops.grants;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import trent.domain.error.KmsUnsupportedOperationException;
import trent.domain.error.ValidationException;
import trent.domain.grant.Grant;
import trent.domain.grant.GrantConstraints;
import trent.domain.grant.GrantOperation;
import trent.domain.grant.Grants;
import trent.domain.grant.NewGrant;
import trent.domain.key.KeyResolver.Forms;
import trent.domain.key.Keys;
import trent.domain.key.KmsKey;
import trent.ops.Access;
import trent.ops.BaseOperation;
import trent.ops.CallContext;
import trent.ops.SymmetricSteps;

/**
 * CreateGrant (OPERATIONS.md "CreateGrant"): lets a principal run listed operations with a key.
 * Works across accounts with a key ARN. With a Name, a retry with identical parameters returns the
 * existing grant id. The grant is usable at once, and on other nodes at once with its token.
 *
 * <p>A caller whose CreateGrant permission comes only from a grant (no policy allows it) may create
 * only grants that grant covers: some or all of its operations, constraints at least as strict
 * ({@link trent.domain.grant.Grant#covers}); otherwise the request is denied like any other.
 */
public final class CreateGrant extends BaseOperation<CreateGrant.Request, CreateGrant.Response> {

  public record Request(String keyId, String granteePrincipal, String retiringPrincipal, List<String> operations,
      GrantListEntry.Constraints constraints, List<String> grantTokens, String name, Boolean dryRun,
      String granteeServicePrincipal, String retiringServicePrincipal) {}

  public record Response(String grantToken, String grantId) {}

  /** Real AWS answer, quoted in repository {@code ansible/ansible} pull request 31960 (botocore ClientError). */
  static final String ONLY_CREATE_GRANT = "Grants must not contain only the CreateGrant operation.";

  /** Trent's text (unconfirmed): AWS's wording for this refusal was not found. */
  static final String GRANTEE_REQUIRED = "GranteePrincipal is required.";

  private static final Set<GrantOperation> CONSTRAINABLE_WITHOUT_CONTEXT =
      EnumSet.of(GrantOperation.CreateGrant, GrantOperation.RetireGrant, GrantOperation.DescribeKey);

  private final Keys keys;
  private final Access access;

  public CreateGrant(Keys keys, Access access) {
    super("CreateGrant", Request.class, true);
    this.keys = keys;
    this.access = access;
  }

  @Override
  public Response execute(Request in, CallContext context) {
    if (in.granteeServicePrincipal() != null || in.retiringServicePrincipal() != null
        || (in.constraints() != null && in.constraints().sourceArn() != null)) {
      throw new KmsUnsupportedOperationException("Grants to AWS service principals are not supported by this server.");
    }
    if (in.granteePrincipal() == null) {
      throw new ValidationException(GRANTEE_REQUIRED);
    }
    List<GrantOperation> operations = operations(in.operations());
    GrantConstraints constraints = constraints(in.constraints(), operations);
    KmsKey key = keys.findAcrossAccounts(scope(context), in.keyId(), Forms.KEY_ID_OR_ARN);
    List<Grant> tokens = access.grantTokens(context, in.grantTokens());
    access.authorize(context, key, name(), tokens, java.util.Map.of(), b -> {
      b.condition("kms:GrantOperations", in.operations())
          .condition("kms:GranteePrincipal", in.granteePrincipal())
          .condition("kms:GrantIsForAWSResource", "false");
      if (in.retiringPrincipal() != null) {
        b.condition("kms:RetiringPrincipal", in.retiringPrincipal());
      }
      if (constraints.encryptionContextEquals() != null) {
        b.condition("kms:GrantConstraintType", "EncryptionContextEquals");
      }
      if (constraints.encryptionContextSubset() != null) {
        b.condition("kms:GrantConstraintType", "EncryptionContextSubset");
      }
      // AWS lists CreateGrant among the operations of kms:EncryptionContext:<key> and
      // kms:EncryptionContextKeys; their values are the encryption context of the grant's constraint
      // (unconfirmed: the developer guide does not say so in as many words).
      b.encryptionContext(constraintContext(constraints));
    }, parent -> parent.covers(operations, constraints));
    key.requireNotPendingDeletion();
    requireValidFor(key, operations);
    SymmetricSteps.dryRun(in.dryRun());
    Grants.Created created = access.grants().create(key, new NewGrant(in.name(), in.granteePrincipal(),
        in.retiringPrincipal(), operations, constraints, context.caller().accountRootArn()));
    return new Response(created.grantToken(), created.grantId());
  }

  private static List<GrantOperation> operations(List<String> names) {
    Set<GrantOperation> ops = new LinkedHashSet<>();
    for (String n : names == null ? List.<String>of() : names) {
      ops.add(GrantOperation.valueOf(n));
    }
    if (ops.isEmpty()) {
      throw new ValidationException("Operations must not be empty.");
    }
    if (ops.equals(Set.of(GrantOperation.CreateGrant))) {
      throw new ValidationException(ONLY_CREATE_GRANT);
    }
    return new ArrayList<>(ops);
  }

  /**
   * Encryption-context constraints only for grants whose operations take an encryption context
   * (CreateGrant, RetireGrant and DescribeKey may accompany them). The text is Trent's (unconfirmed).
   */
  private static GrantConstraints constraints(GrantListEntry.Constraints c, List<GrantOperation> operations) {
    if (c == null || (c.encryptionContextEquals() == null && c.encryptionContextSubset() == null)) {
      return GrantConstraints.NONE;
    }
    for (GrantOperation op : operations) {
      if (!op.takesEncryptionContext() && !CONSTRAINABLE_WITHOUT_CONTEXT.contains(op)) {
        throw new ValidationException("Grant constraints are not supported for the operation " + op
            + ", which does not take an encryption context.");
      }
    }
    return new GrantConstraints(c.encryptionContextEquals(), c.encryptionContextSubset());
  }

  /** The pairs of the constraints, for the encryption-context condition keys (Equals first, then Subset). */
  private static Map<String, String> constraintContext(GrantConstraints c) {
    Map<String, String> pairs = new LinkedHashMap<>();
    if (c.encryptionContextEquals() != null) {
      pairs.putAll(c.encryptionContextEquals());
    }
    if (c.encryptionContextSubset() != null) {
      c.encryptionContextSubset().forEach(pairs::putIfAbsent);
    }
    return pairs;
  }

  /** The operations must apply to the key's type (Trent's text, unconfirmed). */
  private static void requireValidFor(KmsKey key, List<GrantOperation> operations) {
    Set<GrantOperation> valid = GrantOperation.validFor(key.spec(), key.usage());
    List<String> invalid = operations.stream().filter(op -> !valid.contains(op)).map(Enum::name).toList();
    if (!invalid.isEmpty()) {
      throw new ValidationException("Grant operations " + invalid + " are not valid for a key with KeySpec "
          + key.spec() + " and KeyUsage " + key.usage() + ".");
    }
  }
}
