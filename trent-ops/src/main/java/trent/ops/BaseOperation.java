package trent.ops;

/** Holds what every operation declares about itself, so each class is only its logic. */
public abstract class BaseOperation<I, O> implements Operation<I, O> {

  private final String name;
  private final Class<I> inputType;
  private final boolean blocking;

  protected BaseOperation(String name, Class<I> inputType, boolean blocking) {
    this.name = name;
    this.inputType = inputType;
    this.blocking = blocking;
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final Class<I> inputType() {
    return inputType;
  }

  @Override
  public final boolean blocking() {
    return blocking;
  }

  /** The caller's account and the request's Region. */
  protected static trent.domain.Scope scope(CallContext context) {
    return new trent.domain.Scope(context.account(), context.region());
  }
}
