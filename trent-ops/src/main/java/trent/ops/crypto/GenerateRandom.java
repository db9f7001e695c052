package trent.ops.crypto;

import trent.crypto.SecretBytes;
import trent.domain.envelope.Envelopes;
import trent.domain.customkeystore.CustomKeyStore;
import trent.domain.customkeystore.CustomKeyStores;
import trent.domain.error.CustomKeyStoreInvalidStateException;
import trent.domain.error.KmsUnsupportedOperationException;
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
  private final CustomKeyStores stores;

  /**
   * Non-blocking, but GenerateRandom with a CustomKeyStoreId reads the store: only on the worker
   * pool is that allowed, so the operation is blocking (it is rare and cheap either way).
   */
  public GenerateRandom(Envelopes envelopes, Access access, CustomKeyStores stores) {
    super("GenerateRandom", Request.class, true);
    this.envelopes = envelopes;
    this.access = access;
    this.stores = stores;
  }

  @Override
  public Response execute(Request in, CallContext context) {
    if (in.numberOfBytes() == null) {
      throw new ValidationException(NUMBER_OF_BYTES_REQUIRED);
    }
    access.authorizeIdentityOnly(context, name(), "*", b -> {});
    if (in.customKeyStoreId() != null) {
      requireConnectedCloudHsm(stores.find(scope(context), in.customKeyStoreId()));
    }
    SymmetricSteps.refuseRecipient(in.recipient());
    try (SecretBytes random = envelopes.randomBytes(in.numberOfBytes())) {
      return new Response(random.revealCopy());
    }
  }

  /**
   * Random bytes from a custom key store come from its CloudHSM cluster: an external key store
   * cannot give them, and a CloudHSM key store only while connected, which in Trent it never is.
   */
  private static void requireConnectedCloudHsm(CustomKeyStore store) {
    if (store.external()) {
      // unconfirmed: AWS's text.
      throw new KmsUnsupportedOperationException("GenerateRandom is not supported for custom key stores of type"
          + " EXTERNAL_KEY_STORE.");
    }
    throw CustomKeyStoreInvalidStateException.cloudHsmNotConnected(store.id(), store.connectionState().name());
  }
}
