package trent.clients.jvm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.auth.AWSStaticCredentialsProvider;
import com.amazonaws.auth.BasicAWSCredentials;
import com.amazonaws.client.builder.AwsClientBuilder;
import com.amazonaws.services.kms.AWSKMS;
import com.amazonaws.services.kms.AWSKMSClientBuilder;
import com.amazonaws.services.kms.model.CreateKeyRequest;
import com.amazonaws.services.kms.model.DecryptRequest;
import com.amazonaws.services.kms.model.DecryptResult;
import com.amazonaws.services.kms.model.IncorrectKeyException;
import com.amazonaws.services.kms.model.InvalidCiphertextException;
import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.KmsClient;
import com.google.crypto.tink.KmsClients;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.AesGcmParameters;
import com.google.crypto.tink.aead.KmsEnvelopeAead;
import com.google.crypto.tink.aead.LegacyKmsEnvelopeAeadParameters;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.integration.awskms.AwsKmsAead;
import com.google.crypto.tink.integration.awskms.AwsKmsClient;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import trent.junit.TrentExtension;

/**
 * Client compatibility: Tink ({@code com.google.crypto.tink:tink}) with its AWS KMS integration
 * ({@code tink-awskms}, built on the AWS SDK for Java v1), unchanged: a KMS envelope AEAD whose
 * key-encryption key is a Trent key, named {@code aws-kms://arn:aws:kms:...}.
 *
 * <p>tink-awskms's {@code AwsKmsClient} builds its own {@code AWSKMS} from the Region in the key
 * URI and offers no way to set an endpoint; its {@code AwsKmsAead} takes any {@code AWSKMS}, so an
 * application hands it one pointed at Trent (directly, or through a {@link KmsClient} registered
 * for {@code aws-kms://} key URIs).
 */
class TinkAwsKmsIT {

  @RegisterExtension
  static final TrentExtension trent = new TrentExtension();

  static final byte[] MESSAGE = "Trent keeps this secret.".getBytes(StandardCharsets.UTF_8);
  static final byte[] ASSOCIATED_DATA = "record 42".getBytes(StandardCharsets.UTF_8);

  static AWSKMS awsKms;
  static String keyArn;
  static String kekUri;

  @BeforeAll
  static void setUp() throws GeneralSecurityException {
    AeadConfig.register();
    awsKms = AWSKMSClientBuilder.standard()
        .withEndpointConfiguration(new AwsClientBuilder.EndpointConfiguration(trent.endpoint().toString(), "us-east-1"))
        .withCredentials(new AWSStaticCredentialsProvider(
            new BasicAWSCredentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")))
        .build();
    keyArn = awsKms.createKey(new CreateKeyRequest().withDescription("Tink's key-encryption key")).getKeyMetadata().getArn();
    kekUri = AwsKmsClient.PREFIX + keyArn; // aws-kms://arn:aws:kms:us-east-1:111122223333:key/...
  }

  @AfterAll
  static void shutdown() {
    awsKms.shutdown();
  }

  /** Tink's AWS KMS AEAD for a key URI, on the AWSKMS client pointed at Trent. */
  static Aead kekAead(String uri) {
    return new AwsKmsAead(awsKms, uri.substring(AwsKmsClient.PREFIX.length()));
  }

  @Test
  void anEnvelopeAeadWhoseKeyEncryptionKeyIsATrentKeyEncryptsAndDecrypts() throws GeneralSecurityException {
    assertThat(kekUri).startsWith("aws-kms://arn:aws:kms:us-east-1:" + trent.account() + ":key/");
    Aead envelope = KmsEnvelopeAead.create(PredefinedAeadParameters.AES256_GCM, kekAead(kekUri));

    byte[] ciphertext = envelope.encrypt(MESSAGE, ASSOCIATED_DATA);

    assertThat(envelope.decrypt(ciphertext, ASSOCIATED_DATA)).isEqualTo(MESSAGE);
    // Another envelope AEAD on the same key URI (e.g. another process) decrypts it too.
    assertThat(KmsEnvelopeAead.create(PredefinedAeadParameters.AES256_GCM, kekAead(kekUri))
        .decrypt(ciphertext, ASSOCIATED_DATA)).isEqualTo(MESSAGE);
  }

  @Test
  void theEncryptedDataKeyInTheEnvelopeIsAKmsCiphertextThatTrentDecrypts() throws GeneralSecurityException {
    byte[] ciphertext = KmsEnvelopeAead.create(PredefinedAeadParameters.AES256_GCM, kekAead(kekUri))
        .encrypt(MESSAGE, ASSOCIATED_DATA);

    // Tink's envelope: the encrypted data key's length (4 bytes, big-endian), the encrypted data
    // key, then the message encrypted under the data key.
    int length = ByteBuffer.wrap(ciphertext, 0, 4).getInt();
    byte[] encryptedDek = Arrays.copyOfRange(ciphertext, 4, 4 + length);
    DecryptResult dek = awsKms.decrypt(new DecryptRequest().withCiphertextBlob(ByteBuffer.wrap(encryptedDek)));

    assertThat(dek.getKeyId()).isEqualTo(keyArn);
    assertThat(dek.getPlaintext().remaining()).isGreaterThanOrEqualTo(32); // the serialized AES-256-GCM key
  }

  @Test
  void aKeysetWithTheKmsEnvelopeKeyNamesTheTrentKeyAndDecryptsThroughTheRegisteredKmsClient()
      throws GeneralSecurityException {
    KmsClients.add(new TrentKmsClient());
    LegacyKmsEnvelopeAeadParameters parameters = LegacyKmsEnvelopeAeadParameters.builder()
        .setKekUri(kekUri)
        .setDekParsingStrategy(LegacyKmsEnvelopeAeadParameters.DekParsingStrategy.ASSUME_AES_GCM)
        .setDekParametersForNewKeys(AesGcmParameters.builder() // data keys carry no Tink prefix
            .setKeySizeBytes(32).setIvSizeBytes(12).setTagSizeBytes(16)
            .setVariant(AesGcmParameters.Variant.NO_PREFIX)
            .build())
        .build();
    KeysetHandle handle = KeysetHandle.generateNew(parameters, RegistryConfiguration.get());
    byte[] ciphertext = handle.getPrimitive(RegistryConfiguration.get(), Aead.class).encrypt(MESSAGE, ASSOCIATED_DATA);

    // The keyset holds no secret, only the key URI: stored and read back, it still decrypts.
    String stored = TinkJsonProtoKeysetFormat.serializeKeysetWithoutSecret(handle, RegistryConfiguration.get());
    KeysetHandle readBack = TinkJsonProtoKeysetFormat.parseKeysetWithoutSecret(stored, RegistryConfiguration.get());
    assertThat(readBack.getPrimary().getKey().getParameters())
        .isInstanceOfSatisfying(LegacyKmsEnvelopeAeadParameters.class, p -> assertThat(p.getKekUri()).isEqualTo(kekUri));

    assertThat(readBack.getPrimitive(RegistryConfiguration.get(), Aead.class).decrypt(ciphertext, ASSOCIATED_DATA))
        .isEqualTo(MESSAGE);
  }

  @Test
  void aKeysetEncryptedWithTheTrentKeyIsReadBack() throws GeneralSecurityException {
    KeysetHandle keyset = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM, RegistryConfiguration.get());
    byte[] ciphertext = keyset.getPrimitive(RegistryConfiguration.get(), Aead.class).encrypt(MESSAGE, ASSOCIATED_DATA);
    byte[] keysetContext = "my keyset".getBytes(StandardCharsets.UTF_8);

    String encryptedKeyset = TinkJsonProtoKeysetFormat.serializeEncryptedKeyset(
        keyset, kekAead(kekUri), keysetContext, RegistryConfiguration.get());
    KeysetHandle readBack = TinkJsonProtoKeysetFormat.parseEncryptedKeyset(
        encryptedKeyset, kekAead(kekUri), keysetContext, RegistryConfiguration.get());

    assertThat(readBack.getPrimitive(RegistryConfiguration.get(), Aead.class).decrypt(ciphertext, ASSOCIATED_DATA))
        .isEqualTo(MESSAGE);
    assertThat(TinkJsonProtoKeysetFormat.serializeKeyset(readBack, RegistryConfiguration.get(), InsecureSecretKeyAccess.get()))
        .isEqualTo(TinkJsonProtoKeysetFormat.serializeKeyset(keyset, RegistryConfiguration.get(), InsecureSecretKeyAccess.get()));
    // The keyset's associated data is the KMS encryption context: another one is refused by Trent.
    assertThatThrownBy(() -> TinkJsonProtoKeysetFormat.parseEncryptedKeyset(
            encryptedKeyset, kekAead(kekUri), "other".getBytes(StandardCharsets.UTF_8), RegistryConfiguration.get()))
        .isInstanceOf(GeneralSecurityException.class)
        .hasRootCauseInstanceOf(InvalidCiphertextException.class);
  }

  @Test
  void wrongAssociatedDataIsRefused() throws GeneralSecurityException {
    Aead envelope = KmsEnvelopeAead.create(PredefinedAeadParameters.AES256_GCM, kekAead(kekUri));
    byte[] ciphertext = envelope.encrypt(MESSAGE, ASSOCIATED_DATA);

    assertThatThrownBy(() -> envelope.decrypt(ciphertext, "record 43".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(GeneralSecurityException.class);
  }

  @Test
  void aTamperedEncryptedDataKeyIsRefusedByTrent() throws GeneralSecurityException {
    Aead envelope = KmsEnvelopeAead.create(PredefinedAeadParameters.AES256_GCM, kekAead(kekUri));
    byte[] ciphertext = envelope.encrypt(MESSAGE, ASSOCIATED_DATA);
    int length = ByteBuffer.wrap(ciphertext, 0, 4).getInt();
    byte[] tampered = ciphertext.clone();
    tampered[4 + length - 1] ^= 0x01;

    assertThatThrownBy(() -> envelope.decrypt(tampered, ASSOCIATED_DATA))
        .isInstanceOf(GeneralSecurityException.class)
        .hasRootCauseInstanceOf(InvalidCiphertextException.class);
  }

  @Test
  void anEnvelopeUnderAnotherTrentKeyIsRefusedAsTheWrongKey() throws GeneralSecurityException {
    String otherUri = AwsKmsClient.PREFIX + awsKms.createKey(new CreateKeyRequest()).getKeyMetadata().getArn();
    byte[] ciphertext = KmsEnvelopeAead.create(PredefinedAeadParameters.AES256_GCM, kekAead(otherUri))
        .encrypt(MESSAGE, ASSOCIATED_DATA);

    // AwsKmsAead names its key in Decrypt; Trent, as AWS KMS, answers IncorrectKeyException.
    assertThatThrownBy(() -> KmsEnvelopeAead.create(PredefinedAeadParameters.AES256_GCM, kekAead(kekUri))
            .decrypt(ciphertext, ASSOCIATED_DATA))
        .isInstanceOf(GeneralSecurityException.class)
        .hasRootCauseInstanceOf(IncorrectKeyException.class);
  }

  /**
   * A Tink {@link KmsClient} for {@code aws-kms://} key URIs that uses tink-awskms's
   * {@link AwsKmsAead} on the {@code AWSKMS} client pointed at Trent.
   */
  static final class TrentKmsClient implements KmsClient {
    @Override
    public boolean doesSupport(String keyUri) {
      return keyUri != null && keyUri.startsWith(AwsKmsClient.PREFIX);
    }

    @Override
    public KmsClient withCredentials(String credentialPath) {
      return this;
    }

    @Override
    public KmsClient withDefaultCredentials() {
      return this;
    }

    @Override
    public Aead getAead(String keyUri) throws GeneralSecurityException {
      if (!doesSupport(keyUri)) {
        throw new GeneralSecurityException("not an aws-kms:// key URI: " + keyUri);
      }
      return kekAead(keyUri);
    }
  }
}
