package trent.crypto.asymmetric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * ML-DSA against an implementation independent of BouncyCastle: the JDK's own ML-DSA (JDK 24+),
 * run as a child process with the source launcher. Trent's signature must verify there, and the
 * JDK's signature must verify in Trent. Skipped when no such JDK is installed: set
 * {@code TRENT_MLDSA_JDK} to its home, or have {@code /usr/lib/jvm/temurin-25-jdk-amd64}.
 */
class MlDsaInteropTest {
  private static final Path DEFAULT_JDK = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");

  @ParameterizedTest
  @EnumSource(value = AsymmetricKeySpec.class, names = {"ML_DSA_44", "ML_DSA_65", "ML_DSA_87"})
  void signaturesVerifyBothWays(AsymmetricKeySpec spec) throws Exception {
    String home = System.getenv().getOrDefault("TRENT_MLDSA_JDK", DEFAULT_JDK.toString());
    Path launcher = Path.of(home, "bin", "java");
    assumeTrue(Files.isExecutable(launcher), "no JDK with ML-DSA at " + home);

    Path dir = Files.createTempDirectory("trent-mldsa");
    Path program = dir.resolve("MlDsaJdk.java");
    try (InputStream in = getClass().getResourceAsStream("/interop/MlDsaJdk.java")) {
      Files.copy(in, program);
    }
    try {
      HexFormat hex = HexFormat.of();
      AsymmetricKeyPair pair = TestKeys.pair(spec);
      byte[] message = "interop with an independent ML-DSA".getBytes(StandardCharsets.UTF_8);
      byte[] signature =
          Signatures.sign(pair, SigningAlgorithm.ML_DSA_SHAKE_256, SigningInput.raw(message), TestKeys.RANDOM);

      Process process =
          new ProcessBuilder(
                  launcher.toString(), program.toString(), spec.name().replace('_', '-'),
                  hex.formatHex(pair.publicKey().subjectPublicKeyInfo()), hex.formatHex(message),
                  hex.formatHex(signature))
              .redirectErrorStream(true)
              .start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
      assertThat(process.exitValue()).as(output).isZero();
      List<String> lines = output.lines().toList();
      assertThat(lines.get(0)).as("Trent's signature verified by the JDK").isEqualTo("verified=true");

      AsymmetricPublicKey jdkKey = AsymmetricPublicKey.fromSubjectPublicKeyInfo(spec, hex.parseHex(lines.get(1)));
      byte[] jdkSignature = hex.parseHex(lines.get(2));
      assertThat(Signatures.verify(jdkKey, SigningAlgorithm.ML_DSA_SHAKE_256, SigningInput.raw(message), jdkSignature))
          .as("the JDK's signature verified by Trent").isTrue();
      message[0] ^= 1;
      assertThat(Signatures.verify(jdkKey, SigningAlgorithm.ML_DSA_SHAKE_256, SigningInput.raw(message), jdkSignature)).isFalse();
    } finally {
      Files.deleteIfExists(program);
      Files.deleteIfExists(dir);
    }
  }
}
