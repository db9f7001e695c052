package trent.ops;

/**
 * Thrown by a non-blocking operation that found, on an I/O thread ({@link CallContext#mayBlock()}
 * false), that this request must block: its key is in an external key store, whose proxy is
 * called over the network. The dispatcher runs the operation again on the worker pool. Thrown
 * before the operation changed or answered anything.
 */
public final class BlockingRequired extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public static final BlockingRequired INSTANCE = new BlockingRequired();

  private BlockingRequired() {
    super("the request must run where it may block", null, false, false);
  }
}
