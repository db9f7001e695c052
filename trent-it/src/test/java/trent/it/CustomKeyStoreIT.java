package trent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.ConnectionErrorCodeType;
import software.amazon.awssdk.services.kms.model.ConnectionStateType;
import software.amazon.awssdk.services.kms.model.CustomKeyStoreType;
import software.amazon.awssdk.services.kms.model.CustomKeyStoresListEntry;
import software.amazon.awssdk.services.kms.model.DescribeCustomKeyStoresResponse;
import software.amazon.awssdk.services.kms.model.XksProxyConnectivityType;
import trent.server.Backup;
import trent.server.RootSettings;
import trent.server.TrentConfig;

/**
 * Custom key stores through the real SDK: CloudHSM key stores (which Trent keeps but can never
 * connect: no cluster), external key stores reached through a VPC endpoint service (never
 * reachable from Trent), every state rule and member rule, pagination, restart, backups, and the
 * stores' secrets never stored in the clear. External key stores with a public endpoint and their
 * keys are {@code ExternalKeyStoreIT}'s.
 */
class CustomKeyStoreIT {

  static final String PASSWORD = "kmsuser-Pa55word";
  static final String XKS_SECRET = "Zm9yIHRlc3RzIG9ubHk6IGEgc2VjcmV0IGFjY2VzcyBrZXkgZm9yIFhLUw==";
  static final String XKS_ACCESS_KEY = "AKIAXKSTESTACCESSKEY2";

  static String trustAnchor() throws Exception {
    TlsIT.Issued ca = TlsIT.certificate("Trent Test CloudHSM CA", TlsIT.ecKeys(), null, true);
    return TlsIT.pem("CERTIFICATE", ca.certificate().getEncoded());
  }

  static String createCloudHsm(KmsClient kms, String name, String cluster, String trustAnchor) {
    return kms.createCustomKeyStore(r -> r.customKeyStoreName(name).cloudHsmClusterId(cluster)
        .trustAnchorCertificate(trustAnchor).keyStorePassword(PASSWORD)).customKeyStoreId();
  }

  static String createVpcXks(KmsClient kms, String name, String endpoint, String service) {
    return kms.createCustomKeyStore(r -> r.customKeyStoreName(name).customKeyStoreType(CustomKeyStoreType.EXTERNAL_KEY_STORE)
        .xksProxyConnectivity(XksProxyConnectivityType.VPC_ENDPOINT_SERVICE).xksProxyUriEndpoint(endpoint)
        .xksProxyUriPath("/example/kms/xks/v1").xksProxyVpcEndpointServiceName(service)
        .xksProxyAuthenticationCredential(c -> c.accessKeyId(XKS_ACCESS_KEY).rawSecretAccessKey(XKS_SECRET)))
        .customKeyStoreId();
  }

  static CustomKeyStoresListEntry describe(KmsClient kms, String id) {
    List<CustomKeyStoresListEntry> found = kms.describeCustomKeyStores(r -> r.customKeyStoreId(id)).customKeyStores();
    assertThat(found).hasSize(1);
    return found.get(0);
  }

  @Test
  void aCloudHsmKeyStoreIsKeptDescribedUpdatedAndDeletedButNeverConnects() throws Exception {
    String anchor = trustAnchor();
    try (RunningTrent trent = RunningTrent.developmentMode(); KmsClient kms = trent.client()) {
      String id = createCloudHsm(kms, "hsm store", "cluster-234567abcdefg", anchor);
      assertThat(id).matches("cks-[0-9a-f]{17}");
      CustomKeyStoresListEntry entry = describe(kms, id);
      assertThat(entry.customKeyStoreName()).isEqualTo("hsm store");
      assertThat(entry.customKeyStoreType()).isEqualTo(CustomKeyStoreType.AWS_CLOUDHSM);
      assertThat(entry.cloudHsmClusterId()).isEqualTo("cluster-234567abcdefg");
      assertThat(entry.trustAnchorCertificate()).isEqualTo(anchor);
      assertThat(entry.connectionState()).isEqualTo(ConnectionStateType.DISCONNECTED);
      assertThat(entry.connectionErrorCode()).isNull();
      assertThat(entry.creationDate()).isNotNull();
      assertThat(entry.xksProxyConfiguration()).isNull();
      assertThat(kms.describeCustomKeyStores(r -> r.customKeyStoreName("hsm store")).customKeyStores())
          .extracting(CustomKeyStoresListEntry::customKeyStoreId).containsExactly(id);

      // Trent has no CloudHSM cluster: the attempt ends FAILED, CLUSTER_NOT_FOUND, never CONNECTED.
      kms.connectCustomKeyStore(r -> r.customKeyStoreId(id));
      entry = describe(kms, id);
      assertThat(entry.connectionState()).isEqualTo(ConnectionStateType.FAILED);
      assertThat(entry.connectionErrorCode()).isEqualTo(ConnectionErrorCodeType.CLUSTER_NOT_FOUND);
      Errors.expect(() -> kms.connectCustomKeyStore(r -> r.customKeyStoreId(id)), "CustomKeyStoreInvalidStateException");
      Errors.expect(() -> kms.updateCustomKeyStore(r -> r.customKeyStoreId(id).newCustomKeyStoreName("x")),
          "CustomKeyStoreInvalidStateException");
      Errors.expect(() -> kms.deleteCustomKeyStore(r -> r.customKeyStoreId(id)), "CustomKeyStoreInvalidStateException");
      Errors.expect(() -> kms.createKey(r -> r.origin("AWS_CLOUDHSM").customKeyStoreId(id)),
          "CustomKeyStoreInvalidStateException");
      Errors.expect(() -> kms.generateRandom(r -> r.numberOfBytes(16).customKeyStoreId(id)),
          "CustomKeyStoreInvalidStateException");

      kms.disconnectCustomKeyStore(r -> r.customKeyStoreId(id));
      entry = describe(kms, id);
      assertThat(entry.connectionState()).isEqualTo(ConnectionStateType.DISCONNECTED);
      assertThat(entry.connectionErrorCode()).isNull();
      Errors.expect(() -> kms.disconnectCustomKeyStore(r -> r.customKeyStoreId(id)),
          "CustomKeyStoreInvalidStateException");

      kms.updateCustomKeyStore(r -> r.customKeyStoreId(id).newCustomKeyStoreName("renamed").keyStorePassword("an0ther-pass"));
      assertThat(describe(kms, id).customKeyStoreName()).isEqualTo("renamed");
      Errors.expect(() -> kms.updateCustomKeyStore(r -> r.customKeyStoreId(id).xksProxyUriPath("/kms/xks/v1")),
          "ValidationException");

      kms.deleteCustomKeyStore(r -> r.customKeyStoreId(id));
      Errors.expect(() -> kms.describeCustomKeyStores(r -> r.customKeyStoreId(id)), "CustomKeyStoreNotFoundException");
      Errors.expect(() -> kms.deleteCustomKeyStore(r -> r.customKeyStoreId(id)), "CustomKeyStoreNotFoundException");
      Errors.expect(() -> kms.connectCustomKeyStore(r -> r.customKeyStoreId(id)), "CustomKeyStoreNotFoundException");
    }
  }

  @Test
  void cloudHsmMembersAndUniquenessAreChecked() throws Exception {
    String anchor = trustAnchor();
    try (RunningTrent trent = RunningTrent.developmentMode(); KmsClient kms = trent.client()) {
      createCloudHsm(kms, "taken", "cluster-234567abcdefg", anchor);
      Errors.expect(() -> createCloudHsm(kms, "taken", "cluster-765432abcdefg", anchor),
          "CustomKeyStoreNameInUseException");
      Errors.expect(() -> createCloudHsm(kms, "other", "cluster-234567abcdefg", anchor),
          "CloudHsmClusterInUseException");
      Errors.expect(() -> createCloudHsm(kms, "other", "cluster-765432abcdefg", "not a certificate"),
          "IncorrectTrustAnchorException");
      Errors.expect(() -> kms.createCustomKeyStore(r -> r.customKeyStoreName("other")
          .cloudHsmClusterId("cluster-765432abcdefg").trustAnchorCertificate(anchor)), "ValidationException");
      Errors.expect(() -> kms.createCustomKeyStore(r -> r.customKeyStoreName("other")
          .cloudHsmClusterId("cluster-765432abcdefg").trustAnchorCertificate(anchor).keyStorePassword(PASSWORD)
          .xksProxyUriPath("/kms/xks/v1")), "ValidationException");
      // The model's constraints, before any of these rules.
      Errors.expect(() -> createCloudHsm(kms, "other", "not-a-cluster", anchor), "ValidationException");
      Errors.expect(() -> kms.describeCustomKeyStores(r -> r.customKeyStoreId("cks-00000000000000000")),
          "CustomKeyStoreNotFoundException");
      Errors.expect(() -> kms.describeCustomKeyStores(r -> r.customKeyStoreName("nobody")),
          "CustomKeyStoreNotFoundException");
      Errors.expect(() -> kms.generateRandom(r -> r.numberOfBytes(16).customKeyStoreId("cks-00000000000000000")),
          "CustomKeyStoreNotFoundException");
    }
  }

  @Test
  void anExternalKeyStoreBehindAVpcEndpointServiceIsKeptButNeverReachable() throws Exception {
    try (RunningTrent trent = RunningTrent.developmentMode(); KmsClient kms = trent.client()) {
      String service = "com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0";
      String id = createVpcXks(kms, "xks", "https://xks.example.com", service);
      CustomKeyStoresListEntry entry = describe(kms, id);
      assertThat(entry.customKeyStoreType()).isEqualTo(CustomKeyStoreType.EXTERNAL_KEY_STORE);
      assertThat(entry.cloudHsmClusterId()).isNull();
      assertThat(entry.trustAnchorCertificate()).isNull();
      assertThat(entry.xksProxyConfiguration().connectivity()).isEqualTo(XksProxyConnectivityType.VPC_ENDPOINT_SERVICE);
      assertThat(entry.xksProxyConfiguration().accessKeyId()).isEqualTo(XKS_ACCESS_KEY);
      assertThat(entry.xksProxyConfiguration().uriEndpoint()).isEqualTo("https://xks.example.com");
      assertThat(entry.xksProxyConfiguration().uriPath()).isEqualTo("/example/kms/xks/v1");
      assertThat(entry.xksProxyConfiguration().vpcEndpointServiceName()).isEqualTo(service);

      Errors.expect(() -> createVpcXks(kms, "xks 2", "https://xks.example.com", service.replace("0abc", "1abc")),
          "XksProxyUriInUseException");
      Errors.expect(() -> kms.createCustomKeyStore(r -> r.customKeyStoreName("xks 3")
          .customKeyStoreType(CustomKeyStoreType.EXTERNAL_KEY_STORE)
          .xksProxyConnectivity(XksProxyConnectivityType.VPC_ENDPOINT_SERVICE).xksProxyUriEndpoint("https://xks.example.com")
          .xksProxyUriPath("/other/kms/xks/v1").xksProxyVpcEndpointServiceName(service.replace("0abc", "1abc"))
          .xksProxyAuthenticationCredential(c -> c.accessKeyId(XKS_ACCESS_KEY).rawSecretAccessKey(XKS_SECRET))),
          "XksProxyUriEndpointInUseException");
      Errors.expect(() -> createVpcXks(kms, "xks 4", "https://other.example.com", service),
          "XksProxyVpcEndpointServiceInUseException");
      Errors.expect(() -> kms.createCustomKeyStore(r -> r.customKeyStoreName("xks 5")
          .customKeyStoreType(CustomKeyStoreType.EXTERNAL_KEY_STORE)
          .xksProxyConnectivity(XksProxyConnectivityType.VPC_ENDPOINT_SERVICE).xksProxyUriEndpoint("https://five.example.com")
          .xksProxyUriPath("/kms/xks/v1")
          .xksProxyAuthenticationCredential(c -> c.accessKeyId(XKS_ACCESS_KEY).rawSecretAccessKey(XKS_SECRET))),
          "ValidationException");
      Errors.expect(() -> kms.createCustomKeyStore(r -> r.customKeyStoreName("xks 6")
          .customKeyStoreType(CustomKeyStoreType.EXTERNAL_KEY_STORE).xksProxyUriEndpoint("http://six.example.com")
          .xksProxyUriPath("/kms/xks/v1")), "ValidationException");

      kms.connectCustomKeyStore(r -> r.customKeyStoreId(id));
      entry = describe(kms, id);
      assertThat(entry.connectionState()).isEqualTo(ConnectionStateType.FAILED);
      assertThat(entry.connectionErrorCode()).isEqualTo(ConnectionErrorCodeType.XKS_VPC_ENDPOINT_SERVICE_NOT_FOUND);
      Errors.expect(() -> kms.generateRandom(r -> r.numberOfBytes(16).customKeyStoreId(id)),
          "UnsupportedOperationException");
      Errors.expect(() -> kms.createKey(r -> r.origin("EXTERNAL_KEY_STORE").customKeyStoreId(id).xksKeyId("k1")),
          "CustomKeyStoreInvalidStateException",
          "This KMS key is in a custom key store that is not connected to its external key store proxy."
              + " Connect the external key store and try the request again.");
      Errors.expect(() -> kms.createKey(r -> r.origin("EXTERNAL_KEY_STORE").customKeyStoreId(id)), "ValidationException");
      Errors.expect(() -> kms.createKey(r -> r.customKeyStoreId(id)), "ValidationException");
      Errors.expect(() -> kms.createKey(r -> r.origin("AWS_CLOUDHSM").customKeyStoreId(id)), "ValidationException");

      kms.disconnectCustomKeyStore(r -> r.customKeyStoreId(id));
      kms.updateCustomKeyStore(r -> r.customKeyStoreId(id).xksProxyVpcEndpointServiceName(service.replace("0abc", "2abc"))
          .xksProxyAuthenticationCredential(c -> c.accessKeyId("AKIAXKSTESTACCESSKEY3").rawSecretAccessKey(XKS_SECRET)));
      entry = describe(kms, id);
      assertThat(entry.xksProxyConfiguration().vpcEndpointServiceName()).isEqualTo(service.replace("0abc", "2abc"));
      assertThat(entry.xksProxyConfiguration().accessKeyId()).isEqualTo("AKIAXKSTESTACCESSKEY3");
      Errors.expect(() -> kms.updateCustomKeyStore(r -> r.customKeyStoreId(id).keyStorePassword(PASSWORD)),
          "ValidationException");
    }
  }

  @Test
  void describeCustomKeyStoresPagesInIdOrder() throws Exception {
    String anchor = trustAnchor();
    try (RunningTrent trent = RunningTrent.developmentMode(); KmsClient kms = trent.client()) {
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        ids.add(createCloudHsm(kms, "store " + i, "cluster-234567abcdef" + "ghijk".charAt(i), anchor));
      }
      List<String> seen = new ArrayList<>();
      String marker = null;
      int pages = 0;
      do {
        String m = marker;
        DescribeCustomKeyStoresResponse page = kms.describeCustomKeyStores(r -> r.limit(2).marker(m));
        page.customKeyStores().forEach(s -> seen.add(s.customKeyStoreId()));
        assertThat(page.truncated()).isEqualTo(page.nextMarker() != null);
        marker = page.nextMarker();
        pages++;
      } while (marker != null);
      assertThat(pages).isEqualTo(3);
      assertThat(seen).isEqualTo(ids.stream().sorted().toList());
      assertThat(kms.describeCustomKeyStores().customKeyStores()).hasSize(5);
      Errors.expect(() -> kms.describeCustomKeyStores(r -> r.marker("not-a-marker")), "InvalidMarkerException");
      Errors.expect(() -> kms.describeCustomKeyStores(r -> r.customKeyStoreId(ids.get(0)).customKeyStoreName("store 0")),
          "ValidationException");
      // Another Region has none of them.
      try (KmsClient west = trent.client(software.amazon.awssdk.regions.Region.EU_WEST_1)) {
        assertThat(west.describeCustomKeyStores().customKeyStores()).isEmpty();
        Errors.expect(() -> west.describeCustomKeyStores(r -> r.customKeyStoreId(ids.get(0))),
            "CustomKeyStoreNotFoundException");
      }
    }
  }

  @Test
  void storesSurviveARestartAndTheirSecretsAreNeverStoredInTheClear() throws Exception {
    String anchor = trustAnchor();
    try (RunningTrent trent = RunningTrent.developmentMode()) {
      String hsm;
      String xks;
      try (KmsClient kms = trent.client()) {
        hsm = createCloudHsm(kms, "hsm", "cluster-234567abcdefg", anchor);
        xks = createVpcXks(kms, "xks", "https://xks.example.com", "com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0");
        kms.connectCustomKeyStore(r -> r.customKeyStoreId(hsm));
      }
      trent.server().close();
      try (Stream<Path> files = Files.list(trent.dataDir)) {
        for (Path file : files.filter(Files::isRegularFile).toList()) {
          String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
          for (String secret : List.of(PASSWORD, XKS_SECRET)) {
            for (String form : LeakForms.of(secret.getBytes(StandardCharsets.UTF_8))) {
              assertThat(content).as("%s in %s", LeakForms.kind(secret.getBytes(StandardCharsets.UTF_8), form), file)
                  .doesNotContain(form);
            }
          }
        }
      }
      trent.start();
      try (KmsClient kms = trent.client()) {
        assertThat(describe(kms, hsm).connectionErrorCode()).isEqualTo(ConnectionErrorCodeType.CLUSTER_NOT_FOUND);
        assertThat(describe(kms, xks).xksProxyConfiguration().accessKeyId()).isEqualTo(XKS_ACCESS_KEY);
      }
    }
  }

  @Test
  void backupsCarryTheStores() throws Exception {
    String anchor = trustAnchor();
    try (RunningTrent source = RunningTrent.developmentMode()) {
      String hsm;
      try (KmsClient kms = source.client()) {
        hsm = createCloudHsm(kms, "hsm", "cluster-234567abcdefg", anchor);
      }
      byte[] backup = BackupIT.export(source);
      assertThat(new String(backup, StandardCharsets.UTF_8)).contains(hsm).doesNotContain(PASSWORD);
      Path fresh = Files.createTempDirectory("trent-it").resolve("data");
      TrentConfig from = TrentConfig.builder().rootOfTrust(new RootSettings.KeyFile(source.dataDir.resolve("root.key")))
          .build();
      Backup.importInto(TrentConfig.builder().dataDir(fresh).build(), new ByteArrayInputStream(backup), from);
      try (RunningTrent target = RunningTrent.start(b -> b.dataDir(fresh)); KmsClient kms = target.client()) {
        CustomKeyStoresListEntry entry = describe(kms, hsm);
        assertThat(entry.customKeyStoreName()).isEqualTo("hsm");
        assertThat(entry.trustAnchorCertificate()).isEqualTo(anchor);
        kms.deleteCustomKeyStore(r -> r.customKeyStoreId(hsm));
      }
    }
  }
}
