package trent.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import software.amazon.awssdk.services.kms.model.KmsException;

/** Asserts the AWS error a call ends with: its code, its status 400 and its exact message. */
final class Errors {

  private Errors() {}

  static KmsException expect(ThrowingCallable call, String code) {
    KmsException e = catchThrowableOfType(KmsException.class, call);
    assertThat(e).as("expected %s", code).isNotNull();
    assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
    assertThat(e.statusCode()).isEqualTo(400);
    return e;
  }

  static void expect(ThrowingCallable call, String code, String message) {
    KmsException e = expect(call, code);
    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
  }
}
