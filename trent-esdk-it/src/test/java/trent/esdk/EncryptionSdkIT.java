package trent.esdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.encryptionsdk.AwsCrypto;
import com.amazonaws.encryptionsdk.CommitmentPolicy;
import com.amazonaws.encryptionsdk.CryptoResult;
import com.amazonaws.encryptionsdk.ParsedCiphertext;
import com.amazonaws.encryptionsdk.exception.BadCiphertextException;
import com.amazonaws.encryptionsdk.kmssdkv2.KmsMasterKey;
import com.amazonaws.encryptionsdk.kmssdkv2.KmsMasterKeyProvider;
import com.amazonaws.encryptionsdk.model.KeyBlob;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.InvalidCiphertextException;
import software.amazon.cryptography.materialproviders.IKeyring;
import software.amazon.cryptography.materialproviders.MaterialProviders;
import software.amazon.cryptography.materialproviders.model.AwsCryptographicMaterialProvidersException;
import software.amazon.cryptography.materialproviders.model.CollectionOfErrors;
import software.amazon.cryptography.materialproviders.model.CreateAwsKmsKeyringInput;
import software.amazon.cryptography.materialproviders.model.MaterialProvidersConfig;
import trent.server.TrentConfig;
import trent.server.TrentServer;

/**
 * Client compatibility: the AWS Encryption SDK for Java 3.x, unchanged, with its AWS KMS keyring
 * (and the SDK v2 master key provider) on a KMS client whose endpoint is a real Trent.
 */
class EncryptionSdkIT {

  static final String ACCOUNT = TrentConfig.DEFAULT_DEVELOPMENT_ACCOUNT;
  static final byte[] MESSAGE = "Trent keeps this secret.".getBytes(StandardCharsets.UTF_8);
  static final Map<String, String> CONTEXT = Map.of("purpose", "test", "tenant", "acme");

  static Path dataDir;
  static TrentServer trent;
  static KmsClient kms;
  static String keyArn;
  static IKeyring keyring;
  static AwsCrypto crypto;

  @BeforeAll
  static void start() throws IOException {
    dataDir = Files.createTempDirectory("trent-esdk-it");
    trent = TrentServer.start(TrentConfig.builder().port(0).dataDir(dataDir).build());
    kms = KmsClient.builder()
        .endpointOverride(trent.endpoint())
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(
            AwsBasicCredentials.create("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")))
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
        .build();
    keyArn = kms.createKey(r -> r.description("for the AWS Encryption SDK")).keyMetadata().arn();

    MaterialProviders materialProviders = MaterialProviders.builder()
        .MaterialProvidersConfig(MaterialProvidersConfig.builder().build())
        .build();
    keyring = materialProviders.CreateAwsKmsKeyring(
        CreateAwsKmsKeyringInput.builder().kmsKeyId(keyArn).kmsClient(kms).build());
    crypto = AwsCrypto.builder()
        .withCommitmentPolicy(CommitmentPolicy.RequireEncryptRequireDecrypt)
        .build();
  }

  @AfterAll
  static void stop() throws IOException {
    kms.close();
    trent.close();
    try (Stream<Path> files = Files.walk(dataDir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Test
  void encryptsWithAnEncryptionContextAndDecryptsTheMessage() {
    byte[] ciphertext = crypto.encryptData(keyring, MESSAGE, CONTEXT).getResult();
    assertThat(ciphertext).isNotEqualTo(MESSAGE);

    CryptoResult<byte[], ?> decrypted = crypto.decryptData(keyring, ciphertext, CONTEXT);

    assertThat(decrypted.getResult()).isEqualTo(MESSAGE);
    assertThat(decrypted.getEncryptionContext()).containsAllEntriesOf(CONTEXT);
  }

  @Test
  void theMessageCarriesOneDataKeyEncryptedByTrentUnderTheKeyArn() {
    byte[] ciphertext = crypto.encryptData(keyring, MESSAGE, CONTEXT).getResult();

    ParsedCiphertext parsed = new ParsedCiphertext(ciphertext);
    assertThat(parsed.getEncryptedKeyBlobCount()).isEqualTo(1);
    KeyBlob dataKey = parsed.getEncryptedKeyBlobs().get(0);
    assertThat(dataKey.getProviderId()).isEqualTo("aws-kms");
    assertThat(new String(dataKey.getProviderInformation(), StandardCharsets.UTF_8)).isEqualTo(keyArn);
    assertThat(keyArn).startsWith("arn:aws:kms:us-east-1:" + ACCOUNT + ":key/");
    // The encrypted data key is a KMS ciphertext blob that Trent itself decrypts.
    byte[] dataKeyPlaintext = kms.decrypt(r -> r
            .ciphertextBlob(SdkBytes.fromByteArray(dataKey.getEncryptedDataKey()))
            .encryptionContext(parsed.getEncryptionContextMap()))
        .plaintext().asByteArray();
    assertThat(dataKeyPlaintext).hasSize(32);
  }

  @Test
  void theMasterKeyProviderOfTheSdkV2DecryptsWhatTheKeyringEncrypted() {
    byte[] ciphertext = crypto.encryptData(keyring, MESSAGE, CONTEXT).getResult();
    KmsMasterKeyProvider provider = KmsMasterKeyProvider.builder()
        .customRegionalClientSupplier(region -> kms)
        .buildStrict(keyArn);

    CryptoResult<byte[], KmsMasterKey> decrypted = crypto.decryptData(provider, ciphertext);

    assertThat(decrypted.getResult()).isEqualTo(MESSAGE);
    assertThat(decrypted.getMasterKeyIds()).containsExactly(keyArn);
    assertThat(decrypted.getEncryptionContext()).containsAllEntriesOf(CONTEXT);
  }

  @Test
  void aTamperedMessageIsRejected() {
    byte[] ciphertext = crypto.encryptData(keyring, MESSAGE, CONTEXT).getResult();
    byte[] tampered = ciphertext.clone();
    // A byte of the encrypted content, before the trailing signature: its authentication fails.
    int inBody = tampered.length - 120;
    tampered[inBody] ^= 0x01;

    assertThatThrownBy(() -> crypto.decryptData(keyring, tampered, CONTEXT))
        .isInstanceOf(BadCiphertextException.class);
  }

  @Test
  void aMessageWhoseDataKeyWasTamperedIsRejectedByTrent() {
    byte[] ciphertext = crypto.encryptData(keyring, MESSAGE, CONTEXT).getResult();
    ParsedCiphertext parsed = new ParsedCiphertext(ciphertext);
    byte[] edk = parsed.getEncryptedKeyBlobs().get(0).getEncryptedDataKey();
    int at = indexOf(ciphertext, edk);
    byte[] tampered = ciphertext.clone();
    tampered[at + edk.length - 1] ^= 0x01;

    // The keyring asks Trent to decrypt the data key, and Trent refuses it as AWS KMS does.
    assertThatThrownBy(() -> crypto.decryptData(keyring, tampered, CONTEXT))
        .isInstanceOfSatisfying(CollectionOfErrors.class, e -> {
          assertThat(e.getMessage()).startsWith("No Configured KMS Key was able to decrypt the Data Key.");
          assertThat(e.list()).singleElement()
              .isInstanceOfSatisfying(InvalidCiphertextException.class, kmsError -> {
                // AWS KMS, and Trent, answer a damaged ciphertext with this code and no message.
                assertThat(kmsError.getMessage())
                    .startsWith("Service returned error code InvalidCiphertextException (Service: Kms, Status Code: 400,");
              });
        });
  }

  @Test
  void theEncryptionContextMustMatch() {
    byte[] ciphertext = crypto.encryptData(keyring, MESSAGE, CONTEXT).getResult();

    assertThatThrownBy(() -> crypto.decryptData(keyring, ciphertext, Map.of("purpose", "other")))
        .isInstanceOf(AwsCryptographicMaterialProvidersException.class)
        .hasMessage("Encryption context does not match reproduced encryption context.");
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    throw new AssertionError("the encrypted data key is not in the message");
  }
}
