package trent.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.ServerSocket;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.ConnectionErrorCodeType;
import software.amazon.awssdk.services.kms.model.ConnectionStateType;
import software.amazon.awssdk.services.kms.model.CustomKeyStoreType;
import software.amazon.awssdk.services.kms.model.DataKeySpec;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KeyState;
import software.amazon.awssdk.services.kms.model.OriginType;
import software.amazon.awssdk.services.kms.model.XksProxyConnectivityType;

/**
 * External key stores with a public endpoint, through the real SDK, against {@link XksProxyDouble}
 * over HTTPS: the health check at creation and connection, CreateKey's check of the external key,
 * and the double encryption of Encrypt, Decrypt, GenerateDataKey(WithoutPlaintext) and ReEncrypt,
 * with the proxy's failures answered as the XKS proxy API specification's error table says.
 */
class ExternalKeyStoreIT {

  static final String ENDPOINT = "https://xks.example.com";
  static final String OTHER_ENDPOINT = "https://unreachable.example.com";
  static final String NOT_CONNECTED = "This KMS key is in a custom key store that is not connected to its external key"
      + " store proxy. Connect the external key store and try the request again.";

  XksProxyDouble proxy;
  RunningTrent trent;
  KmsClient kms;

  @BeforeEach
  void start() throws Exception {
    proxy = XksProxyDouble.start();
    proxy.addKey("k1", "AES_256", List.of("ENCRYPT", "DECRYPT"), "ENABLED");
    proxy.addKey("k2", "AES_256", List.of("ENCRYPT", "DECRYPT"), "ENABLED");
    proxy.addKey("disabled", "AES_256", List.of("ENCRYPT", "DECRYPT"), "DISABLED");
    proxy.addKey("encrypt-only", "AES_256", List.of("ENCRYPT"), "ENABLED");
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    URI closed = URI.create("https://localhost:" + closedPort);
    trent = RunningTrent.start(b -> b.xksProxyTrustedCertificates(proxy.trustedCa())
        .xksProxyRoutes(Map.of(ENDPOINT, proxy.uri(), OTHER_ENDPOINT, closed)));
    kms = trent.client();
  }

  @AfterEach
  void stop() throws Exception {
    kms.close();
    trent.close();
    proxy.close();
  }

  String create(String name, String endpoint, String path, String accessKeyId, String secret) {
    return kms.createCustomKeyStore(r -> r.customKeyStoreName(name).customKeyStoreType(CustomKeyStoreType.EXTERNAL_KEY_STORE)
        .xksProxyConnectivity(XksProxyConnectivityType.PUBLIC_ENDPOINT).xksProxyUriEndpoint(endpoint)
        .xksProxyUriPath(path)
        .xksProxyAuthenticationCredential(c -> c.accessKeyId(accessKeyId).rawSecretAccessKey(secret)))
        .customKeyStoreId();
  }

  String connectedStore() {
    String id = create("xks", ENDPOINT, XksProxyDouble.PATH, XksProxyDouble.ACCESS_KEY_ID, XksProxyDouble.SECRET);
    kms.connectCustomKeyStore(r -> r.customKeyStoreId(id));
    return id;
  }

  String createKey(String store, String xksKeyId) {
    return kms.createKey(r -> r.origin(OriginType.EXTERNAL_KEY_STORE).customKeyStoreId(store).xksKeyId(xksKeyId))
        .keyMetadata().keyId();
  }

  @Test
  void aConnectedStoreHoldsKeysWhoseCiphertextsNeedTheProxy() {
    String store = connectedStore();
    assertThat(CustomKeyStoreIT.describe(kms, store).connectionState()).isEqualTo(ConnectionStateType.CONNECTED);
    assertThat(CustomKeyStoreIT.describe(kms, store).xksProxyConfiguration().accessKeyId())
        .isEqualTo(XksProxyDouble.ACCESS_KEY_ID);

    KeyMetadata created = kms.createKey(r -> r.origin(OriginType.EXTERNAL_KEY_STORE).customKeyStoreId(store)
        .xksKeyId("k1").description("external")).keyMetadata();
    assertThat(created.origin()).isEqualTo(OriginType.EXTERNAL_KEY_STORE);
    assertThat(created.customKeyStoreId()).isEqualTo(store);
    assertThat(created.xksKeyConfiguration().id()).isEqualTo("k1");
    assertThat(created.keyState()).isEqualTo(KeyState.ENABLED);
    String keyId = created.keyId();
    JsonNode metadataRequest = proxy.requests().get(proxy.requests().size() - 1);
    assertThat(metadataRequest.path("kmsOperation").asText()).isEqualTo("CreateKey");

    Map<String, String> context = Map.of("tenant", "t1");
    SdkBytes blob = kms.encrypt(r -> r.keyId(keyId).plaintext(SdkBytes.fromUtf8String("held outside"))
        .encryptionContext(context)).ciphertextBlob();
    JsonNode encryptRequest = proxy.requests().get(proxy.requests().size() - 1);
    assertThat(encryptRequest.path("kmsOperation").asText()).isEqualTo("Encrypt");
    assertThat(encryptRequest.path("kmsKeyArn").asText()).isEqualTo(created.arn());
    assertThat(encryptRequest.path("awsPrincipalArn").asText()).startsWith("arn:aws:iam::");
    assertThat(blob.asByteArray()[0]).as("format version").isEqualTo((byte) 2);
    assertThat(new String(blob.asByteArray(), java.nio.charset.StandardCharsets.ISO_8859_1)).contains(store);
    assertThat(kms.decrypt(r -> r.ciphertextBlob(blob).encryptionContext(context)).plaintext().asUtf8String())
        .isEqualTo("held outside");
    assertThat(proxy.requests().get(proxy.requests().size() - 1).path("kmsOperation").asText()).isEqualTo("Decrypt");

    // The proxy's layer binds the encryption context: its InvalidCiphertextException, answered as AWS does.
    Errors.expect(() -> kms.decrypt(r -> r.ciphertextBlob(blob).encryptionContext(Map.of("tenant", "t2"))),
        "KMSInvalidStateException", "The external key store proxy rejected the request because the specified"
            + " ciphertext or encryption context is corrupted, missing, or otherwise invalid.");
    byte[] tampered = blob.asByteArray();
    tampered[tampered.length - 1] ^= 1;
    Errors.expect(() -> kms.decrypt(r -> r.ciphertextBlob(SdkBytes.fromByteArray(tampered)).encryptionContext(context)),
        "KMSInvalidStateException");

    var dataKey = kms.generateDataKey(r -> r.keyId(keyId).keySpec(DataKeySpec.AES_256));
    assertThat(kms.decrypt(r -> r.ciphertextBlob(dataKey.ciphertextBlob())).plaintext())
        .isEqualTo(dataKey.plaintext());
    SdkBytes withoutPlaintext = kms.generateDataKeyWithoutPlaintext(r -> r.keyId(keyId).numberOfBytes(64))
        .ciphertextBlob();
    assertThat(kms.decrypt(r -> r.ciphertextBlob(withoutPlaintext)).plaintext().asByteArray()).hasSize(64);

    String local = kms.createKey(r -> r.description("in Trent")).keyMetadata().keyId();
    SdkBytes toExternal = kms.reEncrypt(r -> r.ciphertextBlob(blob).sourceEncryptionContext(context)
        .destinationKeyId(local)).ciphertextBlob();
    assertThat(toExternal.asByteArray()[0]).isEqualTo((byte) 1);
    SdkBytes back = kms.reEncrypt(r -> r.ciphertextBlob(toExternal).destinationKeyId(keyId)).ciphertextBlob();
    assertThat(back.asByteArray()[0]).isEqualTo((byte) 2);
    assertThat(kms.decrypt(r -> r.ciphertextBlob(back)).plaintext().asUtf8String()).isEqualTo("held outside");

    // Disabled at the proxy: the specification's InvalidStateException text.
    proxy.setStatus("k1", "DISABLED");
    Errors.expect(() -> kms.decrypt(r -> r.ciphertextBlob(back)), "KMSInvalidStateException",
        "The external key associated with this KMS key in an external key store is not enabled in the external HSM."
            + " Enable the external key in the external HSM and retry the request.");
    proxy.setStatus("k1", "ENABLED");

    // Disconnected: the key is Unavailable and unusable; the store cannot go while it has keys.
    kms.disconnectCustomKeyStore(r -> r.customKeyStoreId(store));
    assertThat(kms.describeKey(r -> r.keyId(keyId)).keyMetadata().keyState()).isEqualTo(KeyState.UNAVAILABLE);
    Errors.expect(() -> kms.encrypt(r -> r.keyId(keyId).plaintext(SdkBytes.fromUtf8String("x"))),
        "KMSInvalidStateException", NOT_CONNECTED);
    Errors.expect(() -> kms.decrypt(r -> r.ciphertextBlob(back)), "KMSInvalidStateException", NOT_CONNECTED);
    Errors.expect(() -> kms.createKey(r -> r.origin(OriginType.EXTERNAL_KEY_STORE).customKeyStoreId(store)
        .xksKeyId("k2")), "CustomKeyStoreInvalidStateException", NOT_CONNECTED);
    Errors.expect(() -> kms.deleteCustomKeyStore(r -> r.customKeyStoreId(store)), "CustomKeyStoreHasCMKsException");
    kms.connectCustomKeyStore(r -> r.customKeyStoreId(store));
    assertThat(kms.describeKey(r -> r.keyId(keyId)).keyMetadata().keyState()).isEqualTo(KeyState.ENABLED);
    assertThat(kms.decrypt(r -> r.ciphertextBlob(back)).plaintext().asUtf8String()).isEqualTo("held outside");

    // A restart keeps the store, the key and its association; the proxy still opens the blob.
    trent.restart();
    try (KmsClient again = trent.client()) {
      assertThat(again.decrypt(r -> r.ciphertextBlob(blob).encryptionContext(context)).plaintext().asUtf8String())
          .isEqualTo("held outside");
    }
  }

  @Test
  void createKeyChecksTheExternalKeyAtTheProxy() {
    String store = connectedStore();
    createKey(store, "k1");
    Errors.expect(() -> createKey(store, "k1"), "XksKeyAlreadyInUseException");
    Errors.expect(() -> createKey(store, "missing"), "XksKeyNotFoundException",
        "The external key associated with this KMS key in an external key store was not found in its external HSM."
            + " If the external key ID associated with this KMS key is incorrect, create a new KMS key with the"
            + " correct external key ID.");
    Errors.expect(() -> createKey(store, "disabled"), "XksKeyInvalidConfigurationException");
    Errors.expect(() -> createKey(store, "encrypt-only"), "XksKeyInvalidConfigurationException");
    Errors.expect(() -> kms.createKey(r -> r.origin(OriginType.EXTERNAL_KEY_STORE).customKeyStoreId(store)
        .xksKeyId("k2").keySpec("HMAC_256").keyUsage("GENERATE_VERIFY_MAC")), "UnsupportedOperationException");
  }

  @Test
  void theProxysHealthDecidesCreationUpdateAndConnection() {
    Errors.expect(() -> create("wrong secret", ENDPOINT, XksProxyDouble.PATH, XksProxyDouble.ACCESS_KEY_ID,
        XksProxyDouble.SECRET.replace('c', 'd')), "XksProxyIncorrectAuthenticationCredentialException",
        "The external key store proxy rejected the request because it could not authenticate AWS KMS. Verify the XKS"
            + " proxy authentication credentials for your external key store and update if necessary.");
    Errors.expect(() -> create("wrong path", ENDPOINT, "/other/kms/xks/v1", XksProxyDouble.ACCESS_KEY_ID,
        XksProxyDouble.SECRET), "XksProxyInvalidConfigurationException");
    Errors.expect(() -> create("unreachable", OTHER_ENDPOINT, XksProxyDouble.PATH, XksProxyDouble.ACCESS_KEY_ID,
        XksProxyDouble.SECRET), "XksProxyUriUnreachableException");
    assertThat(kms.describeCustomKeyStores().customKeyStores()).isEmpty();

    String store = create("xks", ENDPOINT, XksProxyDouble.PATH, XksProxyDouble.ACCESS_KEY_ID, XksProxyDouble.SECRET);
    Errors.expect(() -> create("same uri", ENDPOINT, XksProxyDouble.PATH, XksProxyDouble.ACCESS_KEY_ID,
        XksProxyDouble.SECRET), "XksProxyUriInUseException");
    Errors.expect(() -> kms.updateCustomKeyStore(r -> r.customKeyStoreId(store).xksProxyAuthenticationCredential(
        c -> c.accessKeyId("AKIAXKSOTHERACCESS234").rawSecretAccessKey(XksProxyDouble.SECRET))),
        "XksProxyIncorrectAuthenticationCredentialException");
    kms.updateCustomKeyStore(r -> r.customKeyStoreId(store).newCustomKeyStoreName("renamed"));

    // The proxy goes away: the connection attempt ends FAILED, XKS_PROXY_NOT_REACHABLE.
    proxy.close();
    kms.connectCustomKeyStore(r -> r.customKeyStoreId(store));
    var entry = CustomKeyStoreIT.describe(kms, store);
    assertThat(entry.customKeyStoreName()).isEqualTo("renamed");
    assertThat(entry.connectionState()).isEqualTo(ConnectionStateType.FAILED);
    assertThat(entry.connectionErrorCode()).isEqualTo(ConnectionErrorCodeType.XKS_PROXY_NOT_REACHABLE);
    kms.disconnectCustomKeyStore(r -> r.customKeyStoreId(store));
    kms.deleteCustomKeyStore(r -> r.customKeyStoreId(store));
  }
}
