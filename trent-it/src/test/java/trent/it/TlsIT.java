package trent.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * The main listener over TLS: a CA and a server certificate made for this test, a server with
 * them, and the real SDK trusting only that CA. A client speaking plain HTTP gets no answer.
 */
class TlsIT {

  record Issued(X509Certificate certificate, KeyPair keys) {}

  static KeyPair ecKeys() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    return generator.generateKeyPair();
  }

  static Issued certificate(String subject, KeyPair keys, Issued issuer, boolean ca) throws Exception {
    Instant now = Instant.now();
    X500Name name = new X500Name("CN=" + subject);
    JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
        issuer == null ? name : new X500Name(issuer.certificate().getSubjectX500Principal().getName()),
        BigInteger.valueOf(now.toEpochMilli()), Date.from(now.minus(Duration.ofMinutes(5))),
        Date.from(now.plus(Duration.ofDays(1))), name, keys.getPublic());
    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
    if (ca) {
      builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
    } else {
      builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
      builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
          new GeneralName(GeneralName.iPAddress, "127.0.0.1"), new GeneralName(GeneralName.dNSName, "localhost")}));
    }
    KeyPair signer = issuer == null ? keys : issuer.keys();
    X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
        builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer.getPrivate())));
    return new Issued(certificate, keys);
  }

  static String pem(String type, byte[] der) {
    return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
        .encodeToString(der) + "\n-----END " + type + "-----\n";
  }

  static KmsClient client(URI endpoint, TrustManagerFactory trust) {
    UrlConnectionHttpClient.Builder http = UrlConnectionHttpClient.builder();
    if (trust != null) {
      http.tlsTrustManagersProvider(trust::getTrustManagers);
    }
    return KmsClient.builder()
        .endpointOverride(endpoint)
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")))
        .httpClientBuilder(http)
        .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
        .build();
  }

  /** A server certificate for 127.0.0.1 issued by a test CA, as PEM files, and a trust manager trusting only that CA. */
  record TestPki(Path certificateFile, Path keyFile, TrustManagerFactory trust) {}

  static TestPki testPki() throws Exception {
    Path dir = Files.createTempDirectory("trent-tls");
    Issued ca = certificate("Trent Test CA", ecKeys(), null, true);
    Issued server = certificate("127.0.0.1", ecKeys(), ca, false);
    Path certificateFile = dir.resolve("server.pem");
    Path keyFile = dir.resolve("server.key");
    Files.writeString(certificateFile, pem("CERTIFICATE", server.certificate().getEncoded())
        + pem("CERTIFICATE", ca.certificate().getEncoded()));
    Files.writeString(keyFile, pem("PRIVATE KEY", server.keys().getPrivate().getEncoded()));

    KeyStore trusted = KeyStore.getInstance("PKCS12");
    trusted.load(null, null);
    trusted.setCertificateEntry("ca", ca.certificate());
    TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(trusted);
    return new TestPki(certificateFile, keyFile, trust);
  }

  @Test
  void theSdkTalksToTrentOverTlsTrustingATestCa() throws Exception {
    TestPki pki = testPki();
    Path certificateFile = pki.certificateFile();
    Path keyFile = pki.keyFile();
    TrustManagerFactory trust = pki.trust();

    try (RunningTrent trent = RunningTrent.start(b -> b.tls(certificateFile, keyFile))) {
      URI endpoint = trent.server().endpoint();
      assertThat(endpoint.getScheme()).isEqualTo("https");
      try (KmsClient kms = client(endpoint, trust)) {
        String keyId = kms.createKey(r -> r.description("over TLS")).keyMetadata().keyId();
        SdkBytes blob = kms.encrypt(r -> r.keyId(keyId).plaintext(SdkBytes.fromUtf8String("hello"))).ciphertextBlob();
        assertThat(kms.decrypt(r -> r.ciphertextBlob(blob)).plaintext().asUtf8String()).isEqualTo("hello");
      }
      // Without the test CA the server is not trusted.
      try (KmsClient untrusting = client(endpoint, null)) {
        assertThatThrownBy(untrusting::listKeys).isInstanceOf(SdkClientException.class);
      }
      // Plain HTTP to the TLS port: the connection is closed without an answer.
      URI plain = URI.create("http://127.0.0.1:" + endpoint.getPort());
      try (KmsClient plainHttp = client(plain, null)) {
        assertThatThrownBy(plainHttp::listKeys).isInstanceOf(SdkClientException.class);
      }
    }
  }

  /**
   * {@code aws:SecureTransport} is true on the TLS listener and false on a plain one: AWS's usual
   * "deny insecure transport" key policy statement lets the first use the key and denies the second.
   */
  @Test
  void aKeyPolicyMayDenyRequestsThatDidNotComeOverTls() throws Exception {
    String root = "arn:aws:iam::" + RunningTrent.ACCOUNT + ":root";
    String policy = """
        {"Version": "2012-10-17", "Statement": [
          {"Sid": "Enable IAM User Permissions", "Effect": "Allow", "Principal": {"AWS": "%s"},
           "Action": "kms:*", "Resource": "*"},
          {"Sid": "DenyInsecureTransport", "Effect": "Deny", "Principal": "*", "Action": "kms:Encrypt",
           "Resource": "*", "Condition": {"Bool": {"aws:SecureTransport": "false"}}}]}""".formatted(root);
    TestPki pki = testPki();
    try (RunningTrent tls = RunningTrent.start(b -> b.tls(pki.certificateFile(), pki.keyFile()));
        KmsClient kms = client(tls.server().endpoint(), pki.trust())) {
      String keyId = kms.createKey(r -> r.policy(policy)).keyMetadata().keyId();
      assertThat(kms.encrypt(r -> r.keyId(keyId).plaintext(SdkBytes.fromUtf8String("over TLS"))).keyId()).endsWith(keyId);
    }
    try (RunningTrent plain = RunningTrent.developmentMode(); KmsClient kms = plain.client()) {
      String keyArn = kms.createKey(r -> r.policy(policy)).keyMetadata().arn();
      Errors.expect(() -> kms.encrypt(r -> r.keyId(keyArn).plaintext(SdkBytes.fromUtf8String("in the clear"))),
          "AccessDeniedException", "User: " + root + " is not authorized to perform: kms:Encrypt on resource: " + keyArn
              + " with an explicit deny in a resource-based policy");
      assertThat(kms.describeKey(r -> r.keyId(keyArn)).keyMetadata().arn()).isEqualTo(keyArn);
    }
  }
}
