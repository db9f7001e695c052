package trent.policy;

/** A statement's {@code Effect}. */
public enum Effect {
  ALLOW("Allow"),
  DENY("Deny");

  private final String jsonName;

  Effect(String jsonName) {
    this.jsonName = jsonName;
  }

  /** The spelling in a policy document ({@code Allow}, {@code Deny}); AWS matches it case-sensitively. */
  public String jsonName() {
    return jsonName;
  }
}
