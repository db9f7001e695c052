package trent.ops.crypto;

import trent.crypto.SecretBytes;
import trent.domain.envelope.Envelopes;
import trent.domain.error.CustomKeyStoreNotFoundException;
import trent.domain.error.ValidationException;
import trent.ops.Access;
import trent.ops.BaseOperation;
import trent.ops.CallContext;
import trent.ops.SymmetricSteps;

/** GenerateRandom (OPERATIONS.md "GenerateRandom"): NumberOfBytes is required in practice. */
public final class GenerateRandom extends BaseOperation<GenerateRandom.Request, GenerateRandom.Response> {

  public record Request(Integer numberOfBytes, String customKeyStoreId, Object recipient) {}

  public record Response(byte[] plaintext) {}

  /** Recorded AWS text (LocalStack snapshot test_generate_random_invalid_number_of_bytes[None]). */
  static final String NUMBER_OF_BYTES_REQUIRED = "NumberOfBytes is required.";

  private final Envelopes envelopes;
  private final Access access;

  public GenerateRandom(Envelopes envelopes, Access access) {
    super("GenerateRandom", Request.class, false);
    this.envelopes = envelopes;
    this.access = access;
  }

  @Override
  public Response execute(Request in, CallContext context) {
    if (in.numberOfBytes() == null) {
      throw new ValidationException(NUMBER_OF_BYTES_REQUIRED);
    }
    if (in.customKeyStoreId() != null) {
      throw CustomKeyStoreNotFoundException.noSuchStore(in.customKeyStoreId());
    }
    access.authorizeIdentityOnly(context, name(), "*", b -> {});
    SymmetricSteps.refuseRecipient(in.recipient());
    try (SecretBytes random = envelopes.randomBytes(in.numberOfBytes())) {
      return new Response(random.revealCopy());
    }
  }
}
