package trent.ops;

/**
 * One KMS operation.
 *
 * @param <I> the request record
 * @param <O> the response record ({@link NoOutput} for operations without output members)
 */
public interface Operation<I, O> {

  /** The AWS operation name, e.g. {@code CreateKey}. */
  String name();

  Class<I> inputType();

  /**
   * Whether the operation may block on storage. Non-blocking operations (the data plane) touch
   * no disk and may run on an I/O thread.
   */
  boolean blocking();

  /** Runs the operation; failures are {@link trent.domain.error.KmsException}s. */
  O execute(I input, CallContext context);
}
