package trent.junit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;

/** The documented programmatic form, with a reset before every test. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TrentExtensionProgrammaticTest {

  @RegisterExtension
  static TrentExtension trent = TrentExtension.builder().resetBetweenTests(true).region("eu-west-1").build();

  @Test
  @Order(1)
  void aReadyClientEncryptsAndDecrypts() {
    KmsClient kms = trent.kmsClient();
    String keyId = kms.createKey(r -> r.description("cards")).keyMetadata().keyId();
    kms.createAlias(r -> r.aliasName("alias/cards").targetKeyId(keyId));
    SdkBytes blob = kms.encrypt(r -> r.keyId("alias/cards").plaintext(SdkBytes.fromUtf8String("4111"))).ciphertextBlob();
    assertThat(kms.decrypt(r -> r.ciphertextBlob(blob)).plaintext().asUtf8String()).isEqualTo("4111");
    assertThat(kms.describeKey(r -> r.keyId(keyId)).keyMetadata().arn()).startsWith("arn:aws:kms:eu-west-1:111122223333:key/");
  }

  @Test
  @Order(2)
  void theNextTestStartsEmpty() {
    KmsClient kms = trent.kmsClient();
    assertThat(kms.listKeys().keys()).isEmpty();
    assertThat(kms.listAliases().aliases()).isEmpty();
  }

  @Test
  @Order(3)
  void theEndpointServesAnySdk() {
    assertThat(trent.endpoint().toString()).startsWith("http://127.0.0.1:");
    assertThat(trent.account()).isEqualTo("111122223333");
  }
}
