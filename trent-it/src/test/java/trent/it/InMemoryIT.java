package trent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;

/** An in-memory server works like any other and writes nothing to its data dir. */
class InMemoryIT {

  @Test
  void anInMemoryServerServesAndWritesNothing() throws Exception {
    try (RunningTrent trent = RunningTrent.start(b -> b.inMemory(true)); KmsClient kms = trent.client()) {
      String keyId = kms.createKey(r -> r.description("ephemeral")).keyMetadata().keyId();
      kms.createAlias(r -> r.aliasName("alias/ephemeral").targetKeyId(keyId));
      SdkBytes blob = kms.encrypt(r -> r.keyId("alias/ephemeral").plaintext(SdkBytes.fromUtf8String("hi"))).ciphertextBlob();
      assertThat(kms.decrypt(r -> r.ciphertextBlob(blob)).plaintext().asUtf8String()).isEqualTo("hi");
      try (Stream<java.nio.file.Path> files = Files.list(trent.dataDir)) {
        assertThat(files).isEmpty();
      }
    }
  }
}
