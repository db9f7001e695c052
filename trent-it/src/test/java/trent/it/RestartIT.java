package trent.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KeyState;

/** What was acknowledged survives a restart on the same data dir. */
class RestartIT {

  @Test
  void keysAndAliasesSurviveARestart() throws Exception {
    try (RunningTrent trent = RunningTrent.developmentMode()) {
      String enabled;
      String disabled;
      try (KmsClient kms = trent.client()) {
        enabled = kms.createKey(r -> r.description("stays enabled")).keyMetadata().keyId();
        disabled = kms.createKey(r -> r.description("stays disabled")).keyMetadata().keyId();
        kms.disableKey(r -> r.keyId(disabled));
        kms.createAlias(r -> r.aliasName("alias/survivor").targetKeyId(enabled));
      }
      trent.restart();
      try (KmsClient kms = trent.client()) {
        assertThat(kms.describeKey(r -> r.keyId("alias/survivor")).keyMetadata().keyId()).isEqualTo(enabled);
        assertThat(kms.describeKey(r -> r.keyId(enabled)).keyMetadata().description()).isEqualTo("stays enabled");
        assertThat(kms.describeKey(r -> r.keyId(disabled)).keyMetadata().keyState()).isEqualTo(KeyState.DISABLED);
        kms.enableKey(r -> r.keyId(disabled));
        assertThat(kms.listKeys().keys()).hasSize(2);
      }
    }
  }
}
