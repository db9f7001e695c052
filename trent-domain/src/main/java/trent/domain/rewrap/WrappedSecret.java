package trent.domain.rewrap;

import java.util.Objects;

/**
 * One stored secret as a root rotation sees it: where it is, its wrapped bytes, and the associated
 * data it was wrapped with (which names what the record is, so it cannot be moved).
 *
 * @param position identifies the record within its kind, and is what {@link WrappedSecrets#replace}
 *     receives back; shown in reports, so never secret
 * @param wrapped the record's bytes as stored (a keyring wrapping)
 * @param associatedData the associated data of the wrapping
 */
public record WrappedSecret(String position, byte[] wrapped, byte[] associatedData) {

  public WrappedSecret {
    Objects.requireNonNull(position, "position");
    wrapped = wrapped.clone();
    associatedData = associatedData.clone();
  }

  @Override
  public byte[] wrapped() {
    return wrapped.clone();
  }

  @Override
  public byte[] associatedData() {
    return associatedData.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WrappedSecret w && position.equals(w.position)
        && java.util.Arrays.equals(wrapped, w.wrapped) && java.util.Arrays.equals(associatedData, w.associatedData);
  }

  @Override
  public int hashCode() {
    return position.hashCode();
  }

  @Override
  public String toString() {
    return "WrappedSecret[" + position + "]";
  }
}
