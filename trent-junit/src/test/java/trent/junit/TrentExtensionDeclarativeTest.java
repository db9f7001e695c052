package trent.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.kms.KmsClient;

/** The plain {@code @ExtendWith} form: parameters are injected, state is kept for the class. */
@ExtendWith(TrentExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TrentExtensionDeclarativeTest {

  @Test
  @Order(1)
  void clientAndEndpointAreInjected(KmsClient kms, URI endpoint) {
    assertThat(endpoint.getHost()).isEqualTo("127.0.0.1");
    kms.createKey(r -> r.description("kept for the class"));
  }

  @Test
  @Order(2)
  void stateIsKeptBetweenTestsOfTheClass(KmsClient kms) {
    assertThat(kms.listKeys().keys()).hasSize(1);
  }
}
