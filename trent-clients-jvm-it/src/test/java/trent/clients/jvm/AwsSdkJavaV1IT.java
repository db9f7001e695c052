package trent.clients.jvm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.AmazonServiceException;
import com.amazonaws.auth.AWSStaticCredentialsProvider;
import com.amazonaws.auth.BasicAWSCredentials;
import com.amazonaws.client.builder.AwsClientBuilder;
import com.amazonaws.services.kms.AWSKMS;
import com.amazonaws.services.kms.AWSKMSClientBuilder;
import com.amazonaws.services.kms.model.AliasListEntry;
import com.amazonaws.services.kms.model.CreateAliasRequest;
import com.amazonaws.services.kms.model.CreateKeyRequest;
import com.amazonaws.services.kms.model.DecryptRequest;
import com.amazonaws.services.kms.model.DecryptResult;
import com.amazonaws.services.kms.model.DescribeKeyRequest;
import com.amazonaws.services.kms.model.DisableKeyRequest;
import com.amazonaws.services.kms.model.DisabledException;
import com.amazonaws.services.kms.model.EncryptRequest;
import com.amazonaws.services.kms.model.GenerateDataKeyWithoutPlaintextRequest;
import com.amazonaws.services.kms.model.GenerateDataKeyWithoutPlaintextResult;
import com.amazonaws.services.kms.model.GetParametersForImportRequest;
import com.amazonaws.services.kms.model.InvalidCiphertextException;
import com.amazonaws.services.kms.model.KeyMetadata;
import com.amazonaws.services.kms.model.ListAliasesRequest;
import com.amazonaws.services.kms.model.ListAliasesResult;
import com.amazonaws.services.kms.model.NotFoundException;
import com.amazonaws.services.kms.model.ReEncryptRequest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import trent.junit.TrentExtension;

/**
 * Client compatibility: the AWS SDK for Java v1 ({@code com.amazonaws:aws-java-sdk-kms} 1.12.x),
 * unchanged, its {@code AWSKMS} client pointed at a real Trent with
 * {@code AwsClientBuilder.EndpointConfiguration}.
 */
class AwsSdkJavaV1IT {

  @RegisterExtension
  static final TrentExtension trent = new TrentExtension();

  static AWSKMS kms;
  static KeyMetadata key;

  @BeforeAll
  static void client() {
    // The README's example.
    kms = AWSKMSClientBuilder.standard()
        .withEndpointConfiguration(new AwsClientBuilder.EndpointConfiguration(trent.endpoint().toString(), "us-east-1"))
        .withCredentials(new AWSStaticCredentialsProvider(
            new BasicAWSCredentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")))
        .build();
    key = kms.createKey(new CreateKeyRequest().withDescription("from Java v1")).getKeyMetadata();
    kms.createAlias(new CreateAliasRequest().withAliasName("alias/from-java-v1").withTargetKeyId(key.getKeyId()));
  }

  @AfterAll
  static void shutdown() {
    kms.shutdown();
  }

  @Test
  void createKeyCreateAliasThenDescribeKeyByTheAlias() {
    KeyMetadata described = kms.describeKey(new DescribeKeyRequest().withKeyId("alias/from-java-v1")).getKeyMetadata();

    assertThat(described.getKeyId()).isEqualTo(key.getKeyId());
    assertThat(described.getArn()).isEqualTo(arn(key.getKeyId()));
    assertThat(described.getDescription()).isEqualTo("from Java v1");
    assertThat(described.getKeyState()).isEqualTo("Enabled");
    assertThat(described.getKeySpec()).isEqualTo("SYMMETRIC_DEFAULT");
    assertThat(described.getKeyUsage()).isEqualTo("ENCRYPT_DECRYPT");
    assertThat(described.getCreationDate()).isNotNull();
    assertThat(described).isEqualTo(key);
  }

  @Test
  void generateDataKeyWithoutPlaintextDecryptThenAesGcmLocally() throws GeneralSecurityException {
    Map<String, String> context = Map.of("purpose", "test");
    GenerateDataKeyWithoutPlaintextResult generated = kms.generateDataKeyWithoutPlaintext(
        new GenerateDataKeyWithoutPlaintextRequest()
            .withKeyId("alias/from-java-v1").withKeySpec("AES_256").withEncryptionContext(context));
    assertThat(generated.getKeyId()).isEqualTo(arn(key.getKeyId()));
    ByteBuffer storedKey = generated.getCiphertextBlob();

    byte[] dataKey = bytes(kms.decrypt(new DecryptRequest()
        .withCiphertextBlob(storedKey.duplicate()).withEncryptionContext(context)).getPlaintext());
    assertThat(dataKey).hasSize(32);
    byte[] message = "a message for the data plane ".repeat(20).getBytes(StandardCharsets.UTF_8);
    byte[] iv = new byte[12];
    new SecureRandom().nextBytes(iv);
    byte[] sealed = aesGcm(Cipher.ENCRYPT_MODE, dataKey, iv, message);

    // Later: the stored encrypted data key is decrypted again to open the message.
    DecryptResult again = kms.decrypt(new DecryptRequest()
        .withCiphertextBlob(storedKey.duplicate()).withEncryptionContext(context));
    assertThat(again.getKeyId()).isEqualTo(arn(key.getKeyId()));
    assertThat(again.getEncryptionAlgorithm()).isEqualTo("SYMMETRIC_DEFAULT");
    assertThat(aesGcm(Cipher.DECRYPT_MODE, bytes(again.getPlaintext()), iv, sealed)).isEqualTo(message);
  }

  @Test
  void encryptReEncryptThenDecrypt() {
    KeyMetadata other = kms.createKey(new CreateKeyRequest()).getKeyMetadata();
    ByteBuffer ciphertext = kms.encrypt(new EncryptRequest().withKeyId(key.getArn())
        .withPlaintext(ByteBuffer.wrap("my data".getBytes(StandardCharsets.UTF_8)))).getCiphertextBlob();

    ByteBuffer reEncrypted = kms.reEncrypt(new ReEncryptRequest()
        .withCiphertextBlob(ciphertext).withDestinationKeyId(other.getKeyId())).getCiphertextBlob();
    DecryptResult decrypted = kms.decrypt(new DecryptRequest().withCiphertextBlob(reEncrypted));

    assertThat(decrypted.getKeyId()).isEqualTo(other.getArn());
    assertThat(new String(bytes(decrypted.getPlaintext()), StandardCharsets.UTF_8)).isEqualTo("my data");
  }

  @Test
  void listAliasesFollowsTheMarkerOverEveryPage() {
    List<String> created = new ArrayList<>(List.of("alias/from-java-v1"));
    for (int i = 1; i <= 3; i++) {
      kms.createAlias(new CreateAliasRequest().withAliasName("alias/java-v1-paged-" + i).withTargetKeyId(key.getKeyId()));
      created.add("alias/java-v1-paged-" + i);
    }
    List<String> seen = new ArrayList<>();
    int pages = 0;
    String marker = null;
    do {
      ListAliasesResult page = kms.listAliases(new ListAliasesRequest()
          .withKeyId(key.getKeyId()).withLimit(1).withMarker(marker));
      pages++;
      page.getAliases().stream().map(AliasListEntry::getAliasName).forEach(seen::add);
      marker = Boolean.TRUE.equals(page.getTruncated()) ? page.getNextMarker() : null;
    } while (marker != null);

    assertThat(seen).containsExactlyInAnyOrderElementsOf(created);
    assertThat(pages).isEqualTo(4);
  }

  @Test
  void anUnknownKeyIsANotFoundExceptionWithAwsMessage() {
    assertThatThrownBy(() -> kms.describeKey(new DescribeKeyRequest().withKeyId("nope")))
        .isInstanceOfSatisfying(NotFoundException.class, e -> {
          assertThat(e.getErrorCode()).isEqualTo("NotFoundException");
          assertThat(e.getErrorMessage()).isEqualTo("Invalid keyId 'nope'");
          assertThat(e.getStatusCode()).isEqualTo(400);
          assertThat(e.getErrorType()).isEqualTo(AmazonServiceException.ErrorType.Client);
          assertThat(e.getRequestId()).isNotBlank();
        });
  }

  @Test
  void aDataKeyUnderAnotherEncryptionContextIsAnInvalidCiphertextException() {
    ByteBuffer storedKey = kms.generateDataKeyWithoutPlaintext(new GenerateDataKeyWithoutPlaintextRequest()
        .withKeyId(key.getKeyId()).withNumberOfBytes(64).withEncryptionContext(Map.of("purpose", "test")))
        .getCiphertextBlob();

    assertThatThrownBy(() -> kms.decrypt(new DecryptRequest()
            .withCiphertextBlob(storedKey).withEncryptionContext(Map.of("purpose", "prod"))))
        .isInstanceOfSatisfying(InvalidCiphertextException.class,
            e -> assertThat(e.getStatusCode()).isEqualTo(400));
  }

  @Test
  void aDisabledKeyIsADisabledExceptionNamingItsArn() {
    KeyMetadata disabled = kms.createKey(new CreateKeyRequest()).getKeyMetadata();
    kms.disableKey(new DisableKeyRequest().withKeyId(disabled.getKeyId()));

    assertThatThrownBy(() -> kms.generateDataKeyWithoutPlaintext(new GenerateDataKeyWithoutPlaintextRequest()
            .withKeyId(disabled.getArn()).withKeySpec("AES_256")))
        .isInstanceOfSatisfying(DisabledException.class,
            e -> assertThat(e.getErrorMessage()).isEqualTo(disabled.getArn() + " is disabled."));
  }

  @Test
  void getParametersForImportOnAKeyWithKmsMaterialIsAnUnsupportedOperationException() {
    assertThatThrownBy(() -> kms.getParametersForImport(new GetParametersForImportRequest().withKeyId(key.getKeyId())
        .withWrappingAlgorithm("RSAES_OAEP_SHA_256").withWrappingKeySpec("RSA_2048")))
        .isInstanceOfSatisfying(com.amazonaws.services.kms.model.UnsupportedOperationException.class,
            e -> assertThat(e.getErrorMessage())
                .isEqualTo(arn(key.getKeyId()) + " origin is AWS_KMS which is not valid for this operation."));
  }

  static String arn(String keyId) {
    return "arn:aws:kms:us-east-1:" + trent.account() + ":key/" + keyId;
  }

  static byte[] bytes(ByteBuffer buffer) {
    byte[] bytes = new byte[buffer.remaining()];
    buffer.duplicate().get(bytes);
    return bytes;
  }

  static byte[] aesGcm(int mode, byte[] key, byte[] iv, byte[] input) throws GeneralSecurityException {
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
    return cipher.doFinal(input);
  }
}
