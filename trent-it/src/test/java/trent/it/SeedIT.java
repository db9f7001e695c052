package trent.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KeyState;
import software.amazon.awssdk.services.kms.model.MacAlgorithmSpec;
import trent.server.SeedFile;

/** Seed files on servers with a data dir: reproducible keys across servers, idempotent restarts, conflicts. */
class SeedIT {

  static final String KEY = "0b7e3c58-52a4-4c8e-9d0f-3f6a1e2d4c5b";
  static final String HMAC = "5d2f8a61-7c3e-4b9a-8e1d-6a4b2c9f0e73";
  static final String MATERIAL = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";

  static SeedFile seed(String material, String alias) {
    return SeedFile.parse("seed.yaml", "keys:\n"
        + "  - id: " + KEY + "\n    material: { hex: " + material + " }\n    aliases: [ " + alias + " ]\n"
        + "    grants:\n      - name: app\n        granteePrincipal: arn:aws:iam::111122223333:role/app\n"
        + "        operations: [ Decrypt ]\n"
        + "  - id: " + HMAC + "\n    keySpec: HMAC_512\n    keyUsage: GENERATE_VERIFY_MAC\n    enabled: false\n"
        + "    material: { hex: " + MATERIAL + MATERIAL + " }\n");
  }

  @Test
  void aCiphertextFromOneSeededServerDecryptsOnAnotherWithItsOwnDataDirAndRoot() throws Exception {
    SeedFile seed = seed(MATERIAL, "alias/app");
    SdkBytes blob;
    SdkBytes mac;
    try (RunningTrent first = RunningTrent.start(b -> b.seed(seed)); KmsClient kms = first.client()) {
      blob = kms.encrypt(r -> r.keyId("alias/app").plaintext(SdkBytes.fromUtf8String("hello"))
          .encryptionContext(Map.of("k", "v"))).ciphertextBlob();
      kms.enableKey(r -> r.keyId(HMAC));
      mac = kms.generateMac(r -> r.keyId(HMAC).macAlgorithm(MacAlgorithmSpec.HMAC_SHA_512)
          .message(SdkBytes.fromUtf8String("m"))).mac();
    }
    try (RunningTrent second = RunningTrent.start(b -> b.seed(seed)); KmsClient kms = second.client()) {
      assertThat(second.dataDir.resolve("root.key")).exists();
      assertThat(kms.decrypt(r -> r.ciphertextBlob(blob).encryptionContext(Map.of("k", "v"))).plaintext().asUtf8String())
          .isEqualTo("hello");
      assertThat(kms.describeKey(r -> r.keyId(HMAC)).keyMetadata().keyState()).isEqualTo(KeyState.DISABLED);
      kms.enableKey(r -> r.keyId(HMAC));
      assertThat(kms.verifyMac(r -> r.keyId(HMAC).macAlgorithm(MacAlgorithmSpec.HMAC_SHA_512)
          .message(SdkBytes.fromUtf8String("m")).mac(mac)).macValid()).isTrue();
    }
  }

  @Test
  void restartingWithTheSameSeedKeepsTheKeysAndWhatWasChangedSince() throws Exception {
    SeedFile seed = seed(MATERIAL, "alias/app");
    try (RunningTrent trent = RunningTrent.start(b -> b.seed(seed))) {
      try (KmsClient kms = trent.client()) {
        kms.updateKeyDescription(r -> r.keyId(KEY).description("changed"));
      }
      trent.restart();
      try (KmsClient kms = trent.client()) {
        assertThat(kms.listKeys().keys()).hasSize(2);
        assertThat(kms.describeKey(r -> r.keyId("alias/app")).keyMetadata().description()).isEqualTo("changed");
        assertThat(kms.listGrants(r -> r.keyId(KEY)).grants()).hasSize(1);
      }
    }
  }

  @Test
  void aKeyWithTheSameIdButOtherMaterialStopsTheStart() throws Exception {
    try (RunningTrent trent = RunningTrent.start(b -> b.seed(seed(MATERIAL, "alias/app")))) {
      trent.server().close();
      String other = "ff" + MATERIAL.substring(2);
      assertThatThrownBy(() -> RunningTrent.start(b -> b.dataDir(trent.dataDir).seed(seed(other, "alias/app"))))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("seed.yaml: keys[0] (id " + KEY + "): a key with this id exists with other key material");
      trent.start();
    }
  }

  @Test
  void anAliasThatPointsAtAnotherKeyStopsTheStart() throws Exception {
    java.util.concurrent.atomic.AtomicReference<SeedFile> seed = new java.util.concurrent.atomic.AtomicReference<>(
        seed(MATERIAL, "alias/app"));
    try (RunningTrent trent = RunningTrent.start(b -> b.seed(seed.get()))) {
      String other;
      try (KmsClient kms = trent.client()) {
        other = kms.createKey(r -> r.description("other")).keyMetadata().keyId();
        kms.updateAlias(r -> r.aliasName("alias/app").targetKeyId(other));
      }
      trent.server().close();
      assertThatThrownBy(trent::start)
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("seed.yaml: keys[0] (id " + KEY + "): alias/app exists and points at key " + other);
      seed.set(null);
      trent.start();
    }
  }
}
