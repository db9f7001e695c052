package trent.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.AlgorithmSpec;
import software.amazon.awssdk.services.kms.model.ExpirationModelType;
import software.amazon.awssdk.services.kms.model.GetParametersForImportResponse;
import software.amazon.awssdk.services.kms.model.ImportKeyMaterialResponse;
import software.amazon.awssdk.services.kms.model.ImportState;
import software.amazon.awssdk.services.kms.model.ImportType;
import software.amazon.awssdk.services.kms.model.IncludeKeyMaterial;
import software.amazon.awssdk.services.kms.model.KeyMaterialState;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KeySpec;
import software.amazon.awssdk.services.kms.model.KeyState;
import software.amazon.awssdk.services.kms.model.KeyUsageType;
import software.amazon.awssdk.services.kms.model.MacAlgorithmSpec;
import software.amazon.awssdk.services.kms.model.MessageType;
import software.amazon.awssdk.services.kms.model.OriginType;
import software.amazon.awssdk.services.kms.model.RotationsListEntry;
import software.amazon.awssdk.services.kms.model.SigningAlgorithmSpec;
import software.amazon.awssdk.services.kms.model.WrappingKeySpec;

/**
 * Imported key material through the real SDK: material wrapped outside Trent (OpenSSL's
 * {@code pkeyutl}, Python's {@code cryptography} for RSA_AES_KEY_WRAP), imported, used, deleted,
 * reimported and expired on a clock the test moves; signatures made by OpenSSL verified by Trent.
 * Texts marked "recorded" were observed from AWS (OPERATIONS.md); the others are Trent's.
 */
class ImportKeyMaterialIT {

  static MutableClock clock = MutableClock.startingNow();
  static RunningTrent trent;
  static KmsClient kms;
  static final SecureRandom RANDOM = new SecureRandom();

  @TempDir
  Path dir;

  @BeforeAll
  static void start() throws Exception {
    trent = RunningTrent.developmentMode(clock);
    kms = trent.client();
  }

  @AfterAll
  static void stop() throws Exception {
    kms.close();
    trent.close();
  }

  static String arn(String keyId) {
    return "arn:aws:kms:us-east-1:" + RunningTrent.ACCOUNT + ":key/" + keyId;
  }

  String externalKey(KeySpec spec, KeyUsageType usage) {
    return kms.createKey(r -> r.origin(OriginType.EXTERNAL).keySpec(spec).keyUsage(usage)).keyMetadata().keyId();
  }

  GetParametersForImportResponse parameters(String keyId, AlgorithmSpec algorithm, WrappingKeySpec spec) {
    return kms.getParametersForImport(r -> r.keyId(keyId).wrappingAlgorithm(algorithm).wrappingKeySpec(spec));
  }

  ImportKeyMaterialResponse importForever(String keyId, GetParametersForImportResponse p, byte[] wrapped) {
    return kms.importKeyMaterial(r -> r.keyId(keyId).importToken(p.importToken())
        .encryptedKeyMaterial(SdkBytes.fromByteArray(wrapped))
        .expirationModel(ExpirationModelType.KEY_MATERIAL_DOES_NOT_EXPIRE));
  }

  /** RSAES-OAEP with OpenSSL's pkeyutl, the command AWS's documentation gives. */
  byte[] wrapWithOpenSsl(GetParametersForImportResponse p, byte[] material, String hash) throws IOException {
    OpenSsl.assumeAvailable();
    Path pub = OpenSsl.write(dir, "wrapping.der", p.publicKey().asByteArray());
    Path in = OpenSsl.write(dir, "material.bin", material);
    Path out = dir.resolve("wrapped.bin");
    OpenSsl.Result r = OpenSsl.run("pkeyutl", "-encrypt", "-pubin", "-keyform", "DER", "-inkey", pub.toString(),
        "-in", in.toString(), "-out", out.toString(), "-pkeyopt", "rsa_padding_mode:oaep",
        "-pkeyopt", "rsa_oaep_md:" + hash, "-pkeyopt", "rsa_mgf1_md:" + hash);
    assertThat(r.ok()).as(r.output()).isTrue();
    return Files.readAllBytes(out);
  }

  /** RSA_AES_KEY_WRAP with Python's cryptography: OAEP of a fresh AES-256 key, then RFC 5649 with it. */
  byte[] wrapWithPython(GetParametersForImportResponse p, byte[] material, String hash) throws Exception {
    Path script = Files.writeString(dir.resolve("wrap.py"), String.join("\n",
        "import os, sys",
        "from cryptography.hazmat.primitives import hashes, serialization",
        "from cryptography.hazmat.primitives.asymmetric import padding",
        "from cryptography.hazmat.primitives.keywrap import aes_key_wrap_with_padding",
        "public = serialization.load_der_public_key(open(sys.argv[1], 'rb').read())",
        "material = open(sys.argv[2], 'rb').read()",
        "h = hashes.SHA256() if sys.argv[4] == 'sha256' else hashes.SHA1()",
        "aes = os.urandom(32)",
        "outer = public.encrypt(aes, padding.OAEP(mgf=padding.MGF1(algorithm=h), algorithm=h, label=None))",
        "open(sys.argv[3], 'wb').write(outer + aes_key_wrap_with_padding(aes, material))",
        ""));
    Path pub = Files.write(dir.resolve("wrapping-py.der"), p.publicKey().asByteArray());
    Path in = Files.write(dir.resolve("material-py.bin"), material);
    Path out = dir.resolve("wrapped-py.bin");
    Process proc = new ProcessBuilder("python3", script.toString(), pub.toString(), in.toString(), out.toString(), hash)
        .redirectErrorStream(true).start();
    String output = new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(proc.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(proc.exitValue()).as(output).isZero();
    return Files.readAllBytes(out);
  }

  /** RSAES-OAEP-SHA-256 with the JDK, for the error cases. */
  static byte[] wrapWithJdk(GetParametersForImportResponse p, byte[] material) throws Exception {
    PublicKey key = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(p.publicKey().asByteArray()));
    Cipher c = Cipher.getInstance("RSA/ECB/OAEPPadding");
    c.init(Cipher.ENCRYPT_MODE, key,
        new OAEPParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT));
    return c.doFinal(material);
  }

  static byte[] random(int n) {
    byte[] b = new byte[n];
    RANDOM.nextBytes(b);
    return b;
  }

  SdkBytes encrypt(String keyId, String text) {
    return kms.encrypt(r -> r.keyId(keyId).plaintext(SdkBytes.fromUtf8String(text))).ciphertextBlob();
  }

  String decrypt(SdkBytes blob) {
    return kms.decrypt(r -> r.ciphertextBlob(blob)).plaintext().asUtf8String();
  }

  @Test
  void symmetricMaterialWrappedWithOpenSslDecryptsAgainAfterDeletionAndReimport() throws Exception {
    String keyId = kms.createKey(r -> r.origin(OriginType.EXTERNAL).description("imported")).keyMetadata().keyId();
    KeyMetadata created = kms.describeKey(r -> r.keyId(keyId)).keyMetadata();
    assertThat(created.keyState()).isEqualTo(KeyState.PENDING_IMPORT);
    assertThat(created.enabled()).isFalse();
    assertThat(created.origin()).isEqualTo(OriginType.EXTERNAL);
    assertThat(created.currentKeyMaterialId()).isNull();
    assertThat(created.expirationModel()).isNull();
    Errors.expect(() -> encrypt(keyId, "too early"), "KMSInvalidStateException", arn(keyId) + " is pending import.");

    GetParametersForImportResponse p = parameters(keyId, AlgorithmSpec.RSAES_OAEP_SHA_256, WrappingKeySpec.RSA_2048);
    assertThat(p.keyId()).isEqualTo(arn(keyId));
    assertThat(p.parametersValidTo()).isEqualTo(clock.instant().plus(Duration.ofHours(24)).truncatedTo(ChronoUnit.MILLIS));
    assertThat(KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(p.publicKey().asByteArray())))
        .isNotNull();
    byte[] material = random(32);
    byte[] wrapped = wrapWithOpenSsl(p, material, "sha256");

    // Recorded: KEY_MATERIAL_EXPIRES is the default, and it needs ValidTo.
    Errors.expect(() -> kms.importKeyMaterial(r -> r.keyId(keyId).importToken(p.importToken())
        .encryptedKeyMaterial(SdkBytes.fromByteArray(wrapped))), "ValidationException",
        "A validTo date must be set if the ExpirationModel is KEY_MATERIAL_EXPIRES");
    ImportKeyMaterialResponse imported = importForever(keyId, p, wrapped);
    assertThat(imported.keyId()).isEqualTo(arn(keyId));
    assertThat(imported.keyMaterialId()).matches("[0-9a-f]{64}");

    KeyMetadata enabled = kms.describeKey(r -> r.keyId(keyId)).keyMetadata();
    assertThat(enabled.keyState()).isEqualTo(KeyState.ENABLED);
    assertThat(enabled.expirationModel()).isEqualTo(ExpirationModelType.KEY_MATERIAL_DOES_NOT_EXPIRE);
    assertThat(enabled.validTo()).isNull();
    assertThat(enabled.currentKeyMaterialId()).isEqualTo(imported.keyMaterialId());
    SdkBytes blob = encrypt(keyId, "kept across deletion");
    assertThat(decrypt(blob)).isEqualTo("kept across deletion");

    var deleted = kms.deleteImportedKeyMaterial(r -> r.keyId(keyId));
    assertThat(deleted.keyMaterialId()).isEqualTo(imported.keyMaterialId());
    assertThat(kms.describeKey(r -> r.keyId(keyId)).keyMetadata().keyState()).isEqualTo(KeyState.PENDING_IMPORT);
    Errors.expect(() -> decrypt(blob), "KMSInvalidStateException", arn(keyId) + " is pending import.");

    // Other material is refused; the same material, wrapped anew (SHA-1 this time), brings the key back.
    GetParametersForImportResponse again = parameters(keyId, AlgorithmSpec.RSAES_OAEP_SHA_1, WrappingKeySpec.RSA_3072);
    Errors.expect(() -> importForever(keyId, again, wrapWithOpenSsl(again, random(32), "sha1")),
        "IncorrectKeyMaterialException");
    ImportKeyMaterialResponse reimported = importForever(keyId, again, wrapWithOpenSsl(again, material, "sha1"));
    assertThat(reimported.keyMaterialId()).isEqualTo(imported.keyMaterialId());
    assertThat(kms.describeKey(r -> r.keyId(keyId)).keyMetadata().keyState()).isEqualTo(KeyState.ENABLED);
    assertThat(decrypt(blob)).isEqualTo("kept across deletion");
  }

  @Test
  void rsaKeyWrappedWithPythonSignsAndVerifiesAsOpenSslDoes() throws Exception {
    OpenSsl.assumeAvailable();
    Path key = dir.resolve("rsa.pem");
    assertThat(OpenSsl.run("genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", key.toString())
        .ok()).isTrue();
    byte[] pkcs8 = der(key, false);
    byte[] publicDer = der(key, true);
    String keyId = externalKey(KeySpec.RSA_2048, KeyUsageType.SIGN_VERIFY);
    GetParametersForImportResponse p = parameters(keyId, AlgorithmSpec.RSA_AES_KEY_WRAP_SHA_256, WrappingKeySpec.RSA_4096);
    importForever(keyId, p, wrapWithPython(p, pkcs8, "sha256"));

    assertThat(kms.getPublicKey(r -> r.keyId(keyId)).publicKey().asByteArray()).isEqualTo(publicDer);
    Path message = Files.writeString(dir.resolve("message.txt"), "signed outside Trent");
    Path signature = dir.resolve("message.sig");
    assertThat(OpenSsl.run("dgst", "-sha256", "-sign", key.toString(), "-out", signature.toString(), message.toString())
        .ok()).isTrue();
    SdkBytes signed = SdkBytes.fromByteArray(Files.readAllBytes(signature));
    assertThat(kms.verify(r -> r.keyId(keyId).message(SdkBytes.fromUtf8String("signed outside Trent"))
        .messageType(MessageType.RAW).signingAlgorithm(SigningAlgorithmSpec.RSASSA_PKCS1_V1_5_SHA_256)
        .signature(signed)).signatureValid()).isTrue();
  }

  @Test
  void ecKeyImportedWithSha1KeyWrapVerifiesAnOpenSslSignature() throws Exception {
    OpenSsl.assumeAvailable();
    Path key = dir.resolve("ec.pem");
    assertThat(OpenSsl.run("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out",
        key.toString()).ok()).isTrue();
    String keyId = externalKey(KeySpec.ECC_NIST_P256, KeyUsageType.SIGN_VERIFY);
    GetParametersForImportResponse p = parameters(keyId, AlgorithmSpec.RSA_AES_KEY_WRAP_SHA_1, WrappingKeySpec.RSA_2048);
    importForever(keyId, p, wrapWithPython(p, der(key, false), "sha1"));

    Path message = Files.writeString(dir.resolve("ec-message.txt"), "ECDSA from OpenSSL");
    Path signature = dir.resolve("ec-message.sig");
    assertThat(OpenSsl.run("dgst", "-sha256", "-sign", key.toString(), "-out", signature.toString(),
        message.toString()).ok()).isTrue();
    SdkBytes signed = SdkBytes.fromByteArray(Files.readAllBytes(signature));
    assertThat(kms.verify(r -> r.keyId(keyId).message(SdkBytes.fromUtf8String("ECDSA from OpenSSL"))
        .signingAlgorithm(SigningAlgorithmSpec.ECDSA_SHA_256).signature(signed)).signatureValid()).isTrue();
    assertThat(kms.getPublicKey(r -> r.keyId(keyId)).publicKey().asByteArray()).isEqualTo(der(key, true));
  }

  /** RFC 8032 section 7.1, TEST 2: the seed imported as PKCS#8 signs and verifies the vector's signature. */
  @Test
  void ed25519Rfc8032VectorVerifiesAndSignsTheSame() throws Exception {
    HexFormat hex = HexFormat.of();
    byte[] seed = hex.parseHex("4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb");
    byte[] pkcs8 = hex.parseHex("302e020100300506032b657004220420" + hex.formatHex(seed));
    byte[] publicKey = hex.parseHex("3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c");
    byte[] signature = hex.parseHex("92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da"
        + "085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00");
    String keyId = externalKey(KeySpec.ECC_NIST_EDWARDS25519, KeyUsageType.SIGN_VERIFY);
    GetParametersForImportResponse p = parameters(keyId, AlgorithmSpec.RSAES_OAEP_SHA_256, WrappingKeySpec.RSA_2048);
    importForever(keyId, p, wrapWithJdk(p, pkcs8));

    byte[] spki = kms.getPublicKey(r -> r.keyId(keyId)).publicKey().asByteArray();
    assertThat(hex.formatHex(spki)).endsWith(hex.formatHex(publicKey));
    SdkBytes message = SdkBytes.fromByteArray(hex.parseHex("72"));
    assertThat(kms.verify(r -> r.keyId(keyId).message(message).messageType(MessageType.RAW)
        .signingAlgorithm(SigningAlgorithmSpec.ED25519_SHA_512).signature(SdkBytes.fromByteArray(signature)))
        .signatureValid()).isTrue();
    assertThat(kms.sign(r -> r.keyId(keyId).message(message).messageType(MessageType.RAW)
        .signingAlgorithm(SigningAlgorithmSpec.ED25519_SHA_512)).signature().asByteArray()).isEqualTo(signature);
  }

  /**
   * HMAC with imported material checked against OpenSSL's HMAC. RFC 4231's keys (4, 20, 25 and 131
   * bytes) are all outside the lengths AWS accepts for HMAC_256 (32..64 bytes), so the key here is
   * RFC 4231 test case 4's message with a 32-byte key, and OpenSSL is the independent reference.
   */
  @Test
  void hmacWithImportedMaterialMatchesOpenSsl() throws Exception {
    OpenSsl.assumeAvailable();
    byte[] material = random(32);
    String keyId = externalKey(KeySpec.HMAC_256, KeyUsageType.GENERATE_VERIFY_MAC);
    GetParametersForImportResponse p = parameters(keyId, AlgorithmSpec.RSAES_OAEP_SHA_256, WrappingKeySpec.RSA_2048);
    importForever(keyId, p, wrapWithOpenSsl(p, material, "sha256"));

    byte[] message = new byte[50];
    java.util.Arrays.fill(message, (byte) 0xcd);
    Path in = OpenSsl.write(dir, "mac-message.bin", message);
    OpenSsl.Result r = OpenSsl.run("dgst", "-sha256", "-mac", "HMAC", "-macopt",
        "hexkey:" + HexFormat.of().formatHex(material), "-r", in.toString());
    assertThat(r.ok()).as(r.output()).isTrue();
    byte[] expected = HexFormat.of().parseHex(r.output().trim().split("\\s+")[0]);
    byte[] mac = kms.generateMac(m -> m.keyId(keyId).message(SdkBytes.fromByteArray(message))
        .macAlgorithm(MacAlgorithmSpec.HMAC_SHA_256)).mac().asByteArray();
    assertThat(mac).isEqualTo(expected);
    assertThat(kms.verifyMac(m -> m.keyId(keyId).message(SdkBytes.fromByteArray(message))
        .macAlgorithm(MacAlgorithmSpec.HMAC_SHA_256).mac(SdkBytes.fromByteArray(expected))).macValid()).isTrue();
    Errors.expect(() -> importForever(keyId, p, wrapWithJdk(p, random(16))), "IncorrectKeyMaterialException");
  }

  @Test
  void materialExpiresOnTheServersClock() throws Exception {
    String keyId = kms.createKey(r -> r.origin(OriginType.EXTERNAL)).keyMetadata().keyId();
    GetParametersForImportResponse p = parameters(keyId, AlgorithmSpec.RSAES_OAEP_SHA_256, WrappingKeySpec.RSA_2048);
    Instant validTo = clock.instant().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.SECONDS);
    byte[] wrapped = wrapWithJdk(p, random(32));
    Errors.expect(() -> kms.importKeyMaterial(r -> r.keyId(keyId).importToken(p.importToken())
        .encryptedKeyMaterial(SdkBytes.fromByteArray(wrapped)).validTo(clock.instant().plus(Duration.ofDays(400)))),
        "ValidationException");
    kms.importKeyMaterial(r -> r.keyId(keyId).importToken(p.importToken())
        .encryptedKeyMaterial(SdkBytes.fromByteArray(wrapped)).validTo(validTo));
    KeyMetadata m = kms.describeKey(r -> r.keyId(keyId)).keyMetadata();
    assertThat(m.expirationModel()).isEqualTo(ExpirationModelType.KEY_MATERIAL_EXPIRES);
    assertThat(m.validTo()).isEqualTo(validTo);
    SdkBytes blob = encrypt(keyId, "until it expires");

    trent.server().expireImportedMaterialNow();
    assertThat(decrypt(blob)).isEqualTo("until it expires");
    clock.advance(Duration.ofDays(3));
    assertThat(trent.server().expireImportedMaterialNow()).isGreaterThanOrEqualTo(1);
    assertThat(kms.describeKey(r -> r.keyId(keyId)).keyMetadata().keyState()).isEqualTo(KeyState.PENDING_IMPORT);
    List<RotationsListEntry> entries = kms.listKeyRotations(r -> r.keyId(keyId)
        .includeKeyMaterial(IncludeKeyMaterial.ALL_KEY_MATERIAL)).rotations();
    assertThat(entries).singleElement().satisfies(e -> {
      assertThat(e.importState()).isEqualTo(ImportState.PENDING_IMPORT);
      assertThat(e.keyMaterialState()).isEqualTo(KeyMaterialState.CURRENT);
      assertThat(e.expirationModel()).isEqualTo(ExpirationModelType.KEY_MATERIAL_EXPIRES);
    });
  }

  @Test
  void tokensAreAuthenticatedBoundToTheirKeyAndExpire() throws Exception {
    String keyId = kms.createKey(r -> r.origin(OriginType.EXTERNAL)).keyMetadata().keyId();
    String otherKeyId = kms.createKey(r -> r.origin(OriginType.EXTERNAL)).keyMetadata().keyId();
    GetParametersForImportResponse p = parameters(keyId, AlgorithmSpec.RSAES_OAEP_SHA_256, WrappingKeySpec.RSA_2048);
    GetParametersForImportResponse other = parameters(otherKeyId, AlgorithmSpec.RSAES_OAEP_SHA_256,
        WrappingKeySpec.RSA_2048);
    byte[] wrapped = wrapWithJdk(p, random(32));

    byte[] tampered = p.importToken().asByteArray();
    tampered[tampered.length - 1] ^= 1;
    Errors.expect(() -> kms.importKeyMaterial(r -> r.keyId(keyId).importToken(SdkBytes.fromByteArray(tampered))
        .encryptedKeyMaterial(SdkBytes.fromByteArray(wrapped))
        .expirationModel(ExpirationModelType.KEY_MATERIAL_DOES_NOT_EXPIRE)), "InvalidImportTokenException");
    Errors.expect(() -> importForever(keyId, other, wrapped), "InvalidImportTokenException");
    Errors.expect(() -> importForever(keyId, p, random(256)), "InvalidCiphertextException");

    clock.advance(Duration.ofHours(25));
    Errors.expect(() -> importForever(keyId, p, wrapped), "ExpiredImportTokenException");
    assertThat(kms.describeKey(r -> r.keyId(keyId)).keyMetadata().keyState()).isEqualTo(KeyState.PENDING_IMPORT);
  }

  @Test
  void keysWithKmsMaterialRefuseTheImportOperations() throws Exception {
    String keyId = kms.createKey(r -> r.description("made by KMS")).keyMetadata().keyId();
    String recorded = arn(keyId) + " origin is AWS_KMS which is not valid for this operation.";
    Errors.expect(() -> parameters(keyId, AlgorithmSpec.RSAES_OAEP_SHA_256, WrappingKeySpec.RSA_2048),
        "UnsupportedOperationException", recorded);
    Errors.expect(() -> kms.deleteImportedKeyMaterial(r -> r.keyId(keyId)), "UnsupportedOperationException", recorded);
    // Automatic rotation stays refused for imported material (recorded for origin EXTERNAL).
    String external = kms.createKey(r -> r.origin(OriginType.EXTERNAL)).keyMetadata().keyId();
    GetParametersForImportResponse p = parameters(external, AlgorithmSpec.RSAES_OAEP_SHA_256, WrappingKeySpec.RSA_2048);
    importForever(external, p, wrapWithJdk(p, random(32)));
    Errors.expect(() -> kms.enableKeyRotation(r -> r.keyId(external)), "UnsupportedOperationException",
        arn(external) + " origin is EXTERNAL which is not valid for this operation.");
  }

  @Test
  void newImportedMaterialBecomesCurrentOnDemandAndOldCiphertextStillDecrypts() throws Exception {
    String keyId = kms.createKey(r -> r.origin(OriginType.EXTERNAL)).keyMetadata().keyId();
    GetParametersForImportResponse p = parameters(keyId, AlgorithmSpec.RSAES_OAEP_SHA_256, WrappingKeySpec.RSA_2048);
    String first = importForever(keyId, p, wrapWithJdk(p, random(32))).keyMaterialId();
    SdkBytes before = encrypt(keyId, "first material");
    Errors.expect(() -> kms.rotateKeyOnDemand(r -> r.keyId(keyId)), "KMSInvalidStateException",
        "No available key material pending rotation for the key: " + arn(keyId) + ".");

    byte[] wrapped = wrapWithJdk(p, random(32));
    String second = kms.importKeyMaterial(r -> r.keyId(keyId).importToken(p.importToken())
        .encryptedKeyMaterial(SdkBytes.fromByteArray(wrapped)).importType(ImportType.NEW_KEY_MATERIAL)
        .keyMaterialDescription("second material")
        .expirationModel(ExpirationModelType.KEY_MATERIAL_DOES_NOT_EXPIRE)).keyMaterialId();
    assertThat(second).isNotEqualTo(first);
    assertThat(kms.listKeyRotations(r -> r.keyId(keyId).includeKeyMaterial(IncludeKeyMaterial.ALL_KEY_MATERIAL))
        .rotations()).extracting(RotationsListEntry::keyMaterialId, RotationsListEntry::keyMaterialState)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(first, KeyMaterialState.CURRENT),
            org.assertj.core.groups.Tuple.tuple(second, KeyMaterialState.PENDING_ROTATION));

    kms.rotateKeyOnDemand(r -> r.keyId(keyId));
    assertThat(kms.describeKey(r -> r.keyId(keyId)).keyMetadata().currentKeyMaterialId()).isEqualTo(second);
    List<RotationsListEntry> rotations = kms.listKeyRotations(r -> r.keyId(keyId)).rotations();
    assertThat(rotations).singleElement().satisfies(e -> {
      assertThat(e.keyMaterialId()).isEqualTo(second);
      assertThat(e.keyMaterialDescription()).isEqualTo("second material");
      assertThat(e.importState()).isEqualTo(ImportState.IMPORTED);
      assertThat(e.keyMaterialState()).isEqualTo(KeyMaterialState.CURRENT);
    });
    assertThat(decrypt(before)).isEqualTo("first material");
    assertThat(kms.generateDataKeyWithoutPlaintext(r -> r.keyId(keyId).numberOfBytes(32)).keyMaterialId())
        .isEqualTo(second);
  }

  @Test
  void keyPoliciesSeeTheImportConditionKeys() throws Exception {
    String keyId = kms.createKey(r -> r.origin(OriginType.EXTERNAL)).keyMetadata().keyId();
    String root = "arn:aws:iam::" + RunningTrent.ACCOUNT + ":root";
    kms.putKeyPolicy(r -> r.keyId(keyId).policyName("default").policy("""
        {"Version": "2012-10-17", "Statement": [
          {"Effect": "Allow", "Principal": {"AWS": "%s"}, "Action": "kms:*", "Resource": "*"},
          {"Effect": "Deny", "Principal": {"AWS": "%s"}, "Action": "kms:GetParametersForImport", "Resource": "*",
           "Condition": {"StringEquals": {"kms:WrappingKeySpec": "RSA_2048"}}},
          {"Effect": "Deny", "Principal": {"AWS": "%s"}, "Action": "kms:ImportKeyMaterial", "Resource": "*",
           "Condition": {"StringEquals": {"kms:ExpirationModel": "KEY_MATERIAL_DOES_NOT_EXPIRE"}}}
        ]}""".formatted(root, root, root)));
    Errors.expect(() -> parameters(keyId, AlgorithmSpec.RSAES_OAEP_SHA_256, WrappingKeySpec.RSA_2048),
        "AccessDeniedException");
    GetParametersForImportResponse p = parameters(keyId, AlgorithmSpec.RSAES_OAEP_SHA_256, WrappingKeySpec.RSA_3072);
    byte[] wrapped = wrapWithJdk(p, random(32));
    Errors.expect(() -> importForever(keyId, p, wrapped), "AccessDeniedException");
    kms.importKeyMaterial(r -> r.keyId(keyId).importToken(p.importToken())
        .encryptedKeyMaterial(SdkBytes.fromByteArray(wrapped)).validTo(clock.instant().plus(Duration.ofDays(1))));
    assertThat(kms.describeKey(r -> r.keyId(keyId)).keyMetadata().keyState()).isEqualTo(KeyState.ENABLED);
  }

  @Test
  void importParametersSurviveARestart() throws Exception {
    String keyId = kms.createKey(r -> r.origin(OriginType.EXTERNAL)).keyMetadata().keyId();
    GetParametersForImportResponse p = parameters(keyId, AlgorithmSpec.RSAES_OAEP_SHA_256, WrappingKeySpec.RSA_2048);
    byte[] wrapped = wrapWithJdk(p, random(32));
    trent.restart();
    kms.close();
    kms = trent.client();
    importForever(keyId, p, wrapped);
    assertThat(kms.describeKey(r -> r.keyId(keyId)).keyMetadata().keyState()).isEqualTo(KeyState.ENABLED);
  }

  /**
   * The key of a PEM file as DER: the PKCS#8 private key AWS requires ({@code pkey -outform DER}
   * would write an EC key as SEC1, which is refused), or the SubjectPublicKeyInfo.
   */
  private byte[] der(Path pem, boolean publicKey) throws IOException {
    Path out = dir.resolve(pem.getFileName() + (publicKey ? ".pub.der" : ".der"));
    List<String> args = publicKey
        ? List.of("pkey", "-in", pem.toString(), "-pubout", "-outform", "DER", "-out", out.toString())
        : List.of("pkcs8", "-topk8", "-nocrypt", "-in", pem.toString(), "-outform", "DER", "-out", out.toString());
    OpenSsl.Result r = OpenSsl.run(args);
    assertThat(r.ok()).as(r.output()).isTrue();
    return Files.readAllBytes(out);
  }
}
