package trent.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import trent.protocol.Identity;
import trent.protocol.http.Transport;

class TrentConfigTest {

  static final Identity ALICE = new Identity("AKIDEXAMPLE", "secret", "111122223333", "arn:aws:iam::111122223333:user/alice");

  @Test
  void developmentModeIsRefusedOffLoopbackUnlessForced() {
    assertThatThrownBy(() -> TrentConfig.builder().host("0.0.0.0").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("development mode")
        .hasMessageContaining("--insecure-dev-mode");
    assertThat(TrentConfig.builder().host("0.0.0.0").insecureDevMode(true).build().developmentMode()).isTrue();
    assertThat(TrentConfig.builder().host("0.0.0.0").identities(List.of(ALICE)).build().developmentMode()).isFalse();
    assertThat(TrentConfig.builder().host("127.0.0.1").build().developmentMode()).isTrue();
    assertThat(TrentConfig.builder().host("localhost").build().developmentMode()).isTrue();
  }

  @Test
  void badSettingsAreRefusedWithTheirName() {
    assertThatThrownBy(() -> TrentConfig.builder().port(70000)).hasMessageContaining("port");
    assertThatThrownBy(() -> TrentConfig.builder().developmentAccount("12")).hasMessageContaining("development account");
    assertThatThrownBy(() -> TrentConfig.builder().identities(List.of(ALICE, ALICE))).hasMessageContaining("appears twice");
    assertThatThrownBy(() -> TrentConfig.builder().identities(List.of(
        new Identity("AKID", "s", "111122223333", "arn:aws:iam::999999999999:root"))))
        .hasMessageContaining("arn of AKID");
    assertThatThrownBy(() -> TrentConfig.builder().identities(List.of(new Identity("AKID", "s", "abc", "arn:aws:iam::abc:root"))))
        .hasMessageContaining("12 digits");
  }

  @Test
  void theConfigFileHasTheDocumentedShape(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("trent.yaml");
    Files.writeString(file, """
        port: 4700
        identities:
          - accessKeyId: AKIDEXAMPLE
            secretAccessKey: wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY
            account: "111122223333"
            arn: arn:aws:iam::111122223333:user/alice
            policy: { Version: "2012-10-17", Statement: [ { Effect: Allow, Action: "kms:DescribeKey", Resource: "*" } ] }
          - accessKeyId: AKIDROLE
            secretAccessKey: other
            account: "444455556666"
            arn: arn:aws:iam::444455556666:role/ops
        """);
    TrentConfig config = ConfigFile.read(file).applyTo(TrentConfig.builder()).build();
    assertThat(config.port()).isEqualTo(4700);
    assertThat(config.identities()).extracting(Identity::accessKeyId).containsExactly("AKIDEXAMPLE", "AKIDROLE");
    assertThat(config.identities().get(1).arn()).isEqualTo("arn:aws:iam::444455556666:role/ops");
    assertThat(config.developmentMode()).isFalse();
    assertThat(config.identities().get(0).policies()).hasSize(1);
    assertThat(config.identities().get(0).policies().get(0).statements()).hasSize(1);
    assertThat(config.identities().get(1).policies()).isEmpty();
  }

  @Test
  void anIdentityPolicyMayBeAJsonString(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("trent.yaml");
    Files.writeString(file, """
        identities:
          - accessKeyId: AKIDEXAMPLE
            secretAccessKey: secret
            account: "111122223333"
            arn: arn:aws:iam::111122223333:role/app
            policy: '{"Version":"2012-10-17","Statement":{"Effect":"Deny","Action":"kms:Decrypt","Resource":"*"}}'
        """);
    TrentConfig config = ConfigFile.read(file).applyTo(TrentConfig.builder()).build();
    assertThat(config.identities().get(0).policies().get(0).statements()).hasSize(1);
  }

  @Test
  void aBadIdentityPolicyStopsTheStartNamingTheIdentity(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("trent.yaml");
    Files.writeString(file, """
        identities:
          - accessKeyId: AKIDEXAMPLE
            secretAccessKey: secret
            account: "111122223333"
            arn: arn:aws:iam::111122223333:role/app
            policy: { Version: "2012-10-17", Statement: [ { Effect: Allow, Principal: "*", Action: "kms:*", Resource: "*" } ] }
        """);
    assertThatThrownBy(() -> ConfigFile.read(file).applyTo(TrentConfig.builder()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("identities[0] (arn:aws:iam::111122223333:role/app).policy is not a valid IAM identity policy:"
            + " Policy document should not specify a principal.");
  }

  @Test
  void aMisspeltSettingIsRefused(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("trent.yaml");
    Files.writeString(file, "identites: []\n");
    assertThatThrownBy(() -> ConfigFile.read(file)).hasMessageContaining("unknown setting 'identites'");
  }

  @Test
  void anIdentityWithoutASecretIsRefused(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("trent.yaml");
    Files.writeString(file, "identities:\n  - accessKeyId: A\n    account: \"111122223333\"\n    arn: arn:aws:iam::111122223333:root\n");
    assertThatThrownBy(() -> ConfigFile.read(file).applyTo(TrentConfig.builder()))
        .hasMessage("identities[0].secretAccessKey is required");
  }

  @Test
  void storageRootAdminAuditAndTlsSettings(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("trent.yaml");
    Files.writeString(file, """
        storage:
          postgres:
            url: jdbc:postgresql://127.0.0.1:5432/trent
            user: trent
            password: secret
        rootOfTrust:
          passphrase: { fromEnv: SOME_VAR }
        admin:
          port: 9599
        audit:
          file: /var/log/trent/audit.jsonl
          whenFull: drop
        tls:
          certificate: /etc/trent/server.pem
          privateKey: /etc/trent/server.key
        """);
    TrentConfig config = ConfigFile.read(file).applyTo(TrentConfig.builder()).build();
    assertThat(config.storage()).isEqualTo(new StorageSettings.Postgres("jdbc:postgresql://127.0.0.1:5432/trent", "trent", "secret", 10));
    assertThat(config.storage().toString()).doesNotContain("secret");
    assertThat(config.rootOfTrust()).isInstanceOf(RootSettings.Passphrase.class);
    assertThat(config.adminPort()).isEqualTo(9599);
    assertThat(config.auditTarget()).isEqualTo("/var/log/trent/audit.jsonl");
    assertThat(config.auditDropWhenFull()).isTrue();
    assertThat(config.tlsCertificate()).isEqualTo(Path.of("/etc/trent/server.pem"));
  }

  /** Each of the file's top-level settings reaches its own component, and a wrong kind names it. */
  @Test
  void everyTopLevelSettingIsReadIntoItsOwnComponent() throws Exception {
    ConfigFile file = ConfigFile.read("""
        host: 10.0.0.1
        port: 4701
        dataDir: /data
        developmentAccount: "444455556666"
        identities:
          - { accessKeyId: AKIDX, secretAccessKey: s, account: "111122223333", arn: "arn:aws:iam::111122223333:root" }
        storage: { memory: true }
        rootOfTrust: { keyFile: { file: /root.key } }
        admin: { port: 9601, consoleOrigin: "https://kms.example.com" }
        audit: { file: /audit.jsonl, queueSize: 7, whenFull: drop }
        tls: { certificate: /c.pem, privateKey: /k.pem }
        cache: { refreshSeconds: 3 }
        requestLog: false
        seed: /seed.yaml
        transport: epoll
        """, "test", java.util.Map.of());
    assertThat(file).isEqualTo(new ConfigFile("10.0.0.1", 4701, "/data", "444455556666",
        List.of(new ConfigFile.IdentityEntry("AKIDX", "s", "111122223333", "arn:aws:iam::111122223333:root", null)),
        new ConfigFile.StorageEntry(null, null, true), new ConfigFile.RootEntry(new ConfigFile.KeyFileEntry("/root.key"),
            null, null), new ConfigFile.AdminEntry(9601, "https://kms.example.com"),
        new ConfigFile.AuditEntry("/audit.jsonl", 7, "drop"), new ConfigFile.TlsEntry("/c.pem", "/k.pem"),
        new ConfigFile.CacheEntry(3), false, "/seed.yaml", "epoll"));
    assertThatThrownBy(() -> ConfigFile.read("port: [1]\n", "test", java.util.Map.of()))
        .hasMessage("test: setting 'port' has a value of the wrong kind");
  }

  @Test
  void theTransportIsAutoUnlessNamedAndAnUnknownOneIsRefused() throws Exception {
    assertThat(ConfigFile.read("port: 4700\n", "test", java.util.Map.of()).applyTo(TrentConfig.builder()).build()
        .transport()).isEqualTo(Transport.AUTO);
    assertThat(ConfigFile.read("transport: NIO\n", "test", java.util.Map.of()).applyTo(TrentConfig.builder()).build()
        .transport()).isEqualTo(Transport.NIO);
    assertThat(ConfigFile.read("", "test", java.util.Map.of("TRENT_TRANSPORT", "io_uring"))
        .applyTo(TrentConfig.builder()).build().transport()).isEqualTo(Transport.IO_URING);
    assertThatThrownBy(() -> ConfigFile.read("transport: kqueue\n", "test", java.util.Map.of())
        .applyTo(TrentConfig.builder())).hasMessage("transport: 'kqueue' is none of auto, io_uring, epoll, nio");
  }

  @Test
  void theEnvironmentSetsAndOverridesScalarSettings() throws Exception {
    ConfigFile file = ConfigFile.read("port: 4700\nstorage:\n  postgres:\n    url: jdbc:postgresql://a/b\n", "test",
        java.util.Map.of("TRENT_PORT", "4800", "TRENT_STORAGE_POSTGRES_USER", "u", "TRENT_STORAGE_POSTGRES_PASSWORD", "p",
            "TRENT_ADMIN_PORT", "9700"));
    TrentConfig config = file.applyTo(TrentConfig.builder()).build();
    assertThat(config.port()).isEqualTo(4800);
    assertThat(config.storage()).isEqualTo(new StorageSettings.Postgres("jdbc:postgresql://a/b", "u", "p", 10));
    assertThat(config.adminPort()).isEqualTo(9700);
  }

  @Test
  void anEnvironmentWithoutTrentSettingsLeavesTheDefaultsAndOneWithThemIsRead() {
    TrentConfig defaults = ConfigFile.fromEnvironment(java.util.Map.of("HOME", "/root"))
        .applyTo(TrentConfig.builder()).build();
    assertThat(defaults.port()).isEqualTo(TrentConfig.DEFAULT_PORT);
    assertThat(defaults.seed()).isEmpty();
    assertThat(ConfigFile.fromEnvironment(java.util.Map.of("TRENT_PORT", "4801")).applyTo(TrentConfig.builder()).build()
        .port()).isEqualTo(4801);
  }

  @Test
  void conflictingChoicesNameTheSetting() throws Exception {
    assertThatThrownBy(() -> ConfigFile.read("storage:\n  memory: true\n  sqlite: { file: x }\n", "test", java.util.Map.of())
        .applyTo(TrentConfig.builder())).hasMessage("storage: choose one of sqlite, postgres and memory");
    assertThatThrownBy(() -> ConfigFile.read("storage:\n  postgres: { url: x, user: u }\n", "test", java.util.Map.of())
        .applyTo(TrentConfig.builder())).hasMessage("storage.postgres.password is required");
    assertThatThrownBy(() -> ConfigFile.read("admin:\n  port: 99999\n", "test", java.util.Map.of())
        .applyTo(TrentConfig.builder())).hasMessageContaining("admin.port");
    assertThatThrownBy(() -> ConfigFile.read("rootOfTrust:\n  passphrase: { fromEnv: A, prompt: true }\n", "test",
        java.util.Map.of()).applyTo(TrentConfig.builder())).hasMessageContaining("exactly one of fromEnv");
    assertThatThrownBy(() -> ConfigFile.read("port: many\n", "test", java.util.Map.of())).hasMessageContaining("port");
  }

  /**
   * Every component of every record of the file is read from the setting of its own name: a
   * document that sets each one to a value of its own reads back into exactly those values, so a
   * component added without its line in a {@code from} method (which would refuse the setting as
   * unknown, or leave it null) fails here.
   */
  @Test
  void everySettingOfEveryRecordIsReadIntoItsComponent() throws Exception {
    int[] counter = {0};
    StringBuilder yaml = new StringBuilder();
    writeEvery(ConfigFile.class, yaml, "", counter);
    ConfigFile read = ConfigFile.read(yaml.toString(), "test", java.util.Map.of());
    counter[0] = 0;
    assertEvery(read, "", counter);
    assertThat(counter[0]).isGreaterThan(30);
  }

  private static void writeEvery(Class<?> type, StringBuilder yaml, String indent, int[] counter) {
    for (var c : type.getRecordComponents()) {
      Class<?> t = c.getType();
      if (t.isRecord()) {
        yaml.append(indent).append(c.getName()).append(":\n");
        writeEvery(t, yaml, indent + "  ", counter);
      } else if (t == List.class) {
        Class<?> item = (Class<?>) ((java.lang.reflect.ParameterizedType) c.getGenericType()).getActualTypeArguments()[0];
        yaml.append(indent).append(c.getName()).append(":\n");
        StringBuilder element = new StringBuilder();
        writeEvery(item, element, indent + "    ", counter);
        yaml.append(indent).append("  - ").append(element.substring(indent.length() + 4));
      } else if (t == com.fasterxml.jackson.databind.JsonNode.class) {
        yaml.append(indent).append(c.getName()).append(": { v: ").append(++counter[0]).append(" }\n");
      } else {
        yaml.append(indent).append(c.getName()).append(": ").append(scalar(t, ++counter[0])).append("\n");
      }
    }
  }

  private static void assertEvery(Object record, String path, int[] counter) throws Exception {
    for (var c : record.getClass().getRecordComponents()) {
      Object value = c.getAccessor().invoke(record);
      String where = path + c.getName();
      assertThat(value).as(where).isNotNull();
      Class<?> t = c.getType();
      if (t.isRecord()) {
        assertEvery(value, where + ".", counter);
      } else if (t == List.class) {
        assertThat((List<?>) value).as(where).hasSize(1);
        assertEvery(((List<?>) value).get(0), where + "[0].", counter);
      } else if (t == com.fasterxml.jackson.databind.JsonNode.class) {
        assertThat(value.toString()).as(where).isEqualTo("{\"v\":" + ++counter[0] + "}");
      } else {
        assertThat(value.toString()).as(where).isEqualTo(scalar(t, ++counter[0]));
      }
    }
  }

  private static String scalar(Class<?> type, int n) {
    if (type == Integer.class) {
      return Integer.toString(n);
    }
    if (type == Boolean.class) {
      return n % 2 == 0 ? "true" : "false";
    }
    return "v" + n;
  }

  @Test
  void identitiesNeverShowTheirSecret() {
    assertThat(ALICE.toString()).doesNotContain("secret");
  }
}
