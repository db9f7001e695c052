package trent.ops.datakey;

import trent.domain.error.ValidationException;

/** The rule GenerateDataKey and GenerateDataKeyWithoutPlaintext share: exactly one of KeySpec and NumberOfBytes. */
final class DataKeyLength {

  /** moto's text for both cases (not verified against AWS). */
  static final String EXACTLY_ONE = "Please specify either number of bytes or key spec.";

  private DataKeyLength() {}

  static int of(String keySpec, Integer numberOfBytes) {
    if ((keySpec == null) == (numberOfBytes == null)) {
      throw new ValidationException(EXACTLY_ONE);
    }
    if (numberOfBytes != null) {
      return numberOfBytes;
    }
    return keySpec.equals("AES_128") ? 16 : 32;
  }
}
