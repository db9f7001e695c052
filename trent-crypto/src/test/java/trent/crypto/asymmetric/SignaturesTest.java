package trent.crypto.asymmetric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.bouncycastle.asn1.gm.GMNamedCurves;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.jce.interfaces.ECPublicKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SignaturesTest {
  private static final byte[] MESSAGE = "Trent signs this".getBytes(StandardCharsets.UTF_8);

  static Stream<Arguments> everySpecAndAlgorithm() {
    List<Arguments> out = new ArrayList<>();
    for (AsymmetricKeySpec spec : AsymmetricKeySpec.values()) {
      for (SigningAlgorithm algorithm : spec.signingAlgorithms()) {
        out.add(Arguments.of(spec, algorithm));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("everySpecAndAlgorithm")
  void signsVerifiesAndDetectsTampering(AsymmetricKeySpec spec, SigningAlgorithm algorithm)
      throws Exception {
    AsymmetricKeyPair pair = TestKeys.pair(spec);
    for (SigningInput input : inputsFor(spec, algorithm, MESSAGE)) {
      byte[] signature = Signatures.sign(pair, algorithm, input, TestKeys.RANDOM);
      assertThat(Signatures.verify(pair.publicKey(), algorithm, input, signature)).isTrue();

      byte[] tampered = signature.clone();
      tampered[tampered.length / 2] ^= 0x01;
      assertThat(Signatures.verify(pair.publicKey(), algorithm, input, tampered)).isFalse();
      assertThat(Signatures.verify(pair.publicKey(), algorithm, input, new byte[0])).isFalse();
      assertThat(Signatures.verify(pair.publicKey(), algorithm, input, new byte[] {0x30, 0x00}))
          .isFalse();

      byte[] other = input.length() > 0 ? inputBytes(input) : new byte[1];
      other[0] ^= 0x01;
      assertThat(
              Signatures.verify(
                  pair.publicKey(), algorithm, SigningInput.of(input.type(), other), signature))
          .isFalse();
    }
  }

  /**
   * Regression (found by SignVerifyIT): a PSS verification over a digest that fails must not leave
   * state behind for the next signature made on the same thread, with this key or another.
   */
  @Test
  void aFailedPssDigestVerificationLeavesNothingBehind() throws Exception {
    for (AsymmetricKeySpec spec : List.of(AsymmetricKeySpec.RSA_2048, AsymmetricKeySpec.RSA_3072)) {
      AsymmetricKeyPair pair = TestKeys.pair(spec);
      for (SigningAlgorithm algorithm : List.of(SigningAlgorithm.RSASSA_PSS_SHA_256,
          SigningAlgorithm.RSASSA_PSS_SHA_384, SigningAlgorithm.RSASSA_PSS_SHA_512)) {
        SigningInput input = SigningInput.digest(MessageDigest.getInstance(algorithm.hash()).digest(MESSAGE));
        byte[] signature = Signatures.sign(pair, algorithm, input, TestKeys.RANDOM);
        byte[] tampered = signature.clone();
        tampered[tampered.length / 2] ^= 0x01;
        assertThat(Signatures.verify(pair.publicKey(), algorithm, input, tampered)).isFalse();
        byte[] again = Signatures.sign(pair, algorithm, input, TestKeys.RANDOM);
        assertThat(Signatures.verify(pair.publicKey(), algorithm, input, again)).isTrue();
      }
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("everySpecAndAlgorithm")
  void rawAndDigestSignaturesAreInterchangeable(AsymmetricKeySpec spec, SigningAlgorithm algorithm)
      throws Exception {
    if (!algorithm.accepts(MessageType.RAW) || !algorithm.accepts(MessageType.DIGEST)) {
      return;
    }
    AsymmetricKeyPair pair = TestKeys.pair(spec);
    SigningInput raw = SigningInput.raw(MESSAGE);
    SigningInput digest = SigningInput.digest(digestOf(spec, algorithm, MESSAGE));
    byte[] fromRaw = Signatures.sign(pair, algorithm, raw, TestKeys.RANDOM);
    byte[] fromDigest = Signatures.sign(pair, algorithm, digest, TestKeys.RANDOM);
    assertThat(Signatures.verify(pair.publicKey(), algorithm, digest, fromRaw)).isTrue();
    assertThat(Signatures.verify(pair.publicKey(), algorithm, raw, fromDigest)).isTrue();
  }

  @Test
  void ed25519phSignsTheDigestWithAPrehashAsKmsDoes() throws Exception {
    AsymmetricKeyPair pair = TestKeys.pair(AsymmetricKeySpec.ECC_NIST_EDWARDS25519);
    byte[] digest = MessageDigest.getInstance("SHA-512").digest(MESSAGE);
    byte[] a = Signatures.sign(pair, SigningAlgorithm.ED25519_PH_SHA_512, SigningInput.digest(digest), TestKeys.RANDOM);
    byte[] b = Signatures.sign(pair, SigningAlgorithm.ED25519_PH_SHA_512, SigningInput.digest(digest), TestKeys.RANDOM);
    assertThat(a).hasSize(64).isEqualTo(b);
    // Ed25519ph is not Ed25519: the pure signature of the digest must not verify as a prehash one.
    byte[] pure = Signatures.sign(pair, SigningAlgorithm.ED25519_SHA_512, SigningInput.raw(digest), TestKeys.RANDOM);
    assertThat(pure).isNotEqualTo(a);
    assertThat(Signatures.verify(pair.publicKey(), SigningAlgorithm.ED25519_PH_SHA_512, SigningInput.digest(digest), pure)).isFalse();
  }

  @Test
  void ecdsaSignaturesAreDer() {
    for (AsymmetricKeySpec spec : List.of(AsymmetricKeySpec.ECC_NIST_P256, AsymmetricKeySpec.ECC_NIST_P521, AsymmetricKeySpec.ECC_SECG_P256K1, AsymmetricKeySpec.SM2)) {
      SigningAlgorithm algorithm = spec.signingAlgorithms().get(0);
      byte[] sig = Signatures.sign(TestKeys.pair(spec), algorithm, SigningInput.raw(MESSAGE), TestKeys.RANDOM);
      assertThat(sig[0]).as(spec + " SEQUENCE tag").isEqualTo((byte) 0x30);
    }
  }

  @Test
  void wrongAlgorithmForSpecIsRejected() {
    AsymmetricKeyPair p256 = TestKeys.pair(AsymmetricKeySpec.ECC_NIST_P256);
    assertThatThrownBy(() -> Signatures.sign(p256, SigningAlgorithm.ECDSA_SHA_384, SigningInput.raw(MESSAGE), TestKeys.RANDOM))
        .isInstanceOf(AlgorithmNotSupportedException.class)
        .hasMessageContaining("ECDSA_SHA_384")
        .hasMessageContaining("ECC_NIST_P256");
    assertThatThrownBy(() -> Signatures.verify(p256.publicKey(), SigningAlgorithm.RSASSA_PSS_SHA_256, SigningInput.raw(MESSAGE), new byte[64]))
        .isInstanceOf(AlgorithmNotSupportedException.class);
    AsymmetricKeyPair ed = TestKeys.pair(AsymmetricKeySpec.ECC_NIST_EDWARDS25519);
    assertThatThrownBy(() -> Signatures.sign(ed, SigningAlgorithm.ED25519_SHA_512, SigningInput.digest(new byte[64]), TestKeys.RANDOM))
        .isInstanceOf(AlgorithmNotSupportedException.class).hasMessageContaining("DIGEST");
    assertThatThrownBy(() -> Signatures.sign(ed, SigningAlgorithm.ED25519_PH_SHA_512, SigningInput.raw(MESSAGE), TestKeys.RANDOM))
        .isInstanceOf(AlgorithmNotSupportedException.class).hasMessageContaining("RAW");
    AsymmetricKeyPair mldsa = TestKeys.pair(AsymmetricKeySpec.ML_DSA_44);
    assertThatThrownBy(() -> Signatures.sign(mldsa, SigningAlgorithm.ML_DSA_SHAKE_256, SigningInput.digest(new byte[64]), TestKeys.RANDOM))
        .isInstanceOf(AlgorithmNotSupportedException.class);
    assertThatThrownBy(() -> Signatures.sign(p256, SigningAlgorithm.ECDSA_SHA_256, SigningInput.externalMu(new byte[64]), TestKeys.RANDOM))
        .isInstanceOf(AlgorithmNotSupportedException.class);
  }

  @Test
  void messageLengthRulesAreKmsRules() {
    AsymmetricKeyPair p256 = TestKeys.pair(AsymmetricKeySpec.ECC_NIST_P256);
    assertThatThrownBy(() -> Signatures.sign(p256, SigningAlgorithm.ECDSA_SHA_256, SigningInput.digest(new byte[31]), TestKeys.RANDOM))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("Digest is invalid length for algorithm ECDSA_SHA_256.");
    assertThatThrownBy(() -> Signatures.sign(p256, SigningAlgorithm.ECDSA_SHA_256, SigningInput.raw(new byte[4097]), TestKeys.RANDOM))
        .isInstanceOf(InvalidInputException.class);
    assertThat(Signatures.sign(p256, SigningAlgorithm.ECDSA_SHA_256, SigningInput.raw(new byte[4096]), TestKeys.RANDOM)).isNotEmpty();
    AsymmetricKeyPair mldsa = TestKeys.pair(AsymmetricKeySpec.ML_DSA_65);
    assertThatThrownBy(() -> Signatures.sign(mldsa, SigningAlgorithm.ML_DSA_SHAKE_256, SigningInput.externalMu(new byte[63]), TestKeys.RANDOM))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void sm2DigestIsSm3OfZAndMessageWithKmsDistinguishingId() throws Exception {
    AsymmetricKeyPair pair = TestKeys.pair(AsymmetricKeySpec.SM2);
    byte[] e = sm3ZM(pair.publicKey(), MESSAGE);
    byte[] fromRaw = Signatures.sign(pair, SigningAlgorithm.SM2DSA, SigningInput.raw(MESSAGE), TestKeys.RANDOM);
    assertThat(Signatures.verify(pair.publicKey(), SigningAlgorithm.SM2DSA, SigningInput.digest(e), fromRaw)).isTrue();
    assertThat(Signatures.verify(pair.publicKey(), SigningAlgorithm.SM2DSA, SigningInput.digest(MessageDigest.getInstance("SHA-256").digest(MESSAGE)), fromRaw)).isFalse();
  }

  private static List<SigningInput> inputsFor(AsymmetricKeySpec spec, SigningAlgorithm algorithm, byte[] message) throws Exception {
    List<SigningInput> inputs = new ArrayList<>();
    if (algorithm.accepts(MessageType.RAW)) {
      inputs.add(SigningInput.raw(message));
    }
    if (algorithm.accepts(MessageType.DIGEST)) {
      inputs.add(SigningInput.digest(digestOf(spec, algorithm, message)));
    }
    if (algorithm.accepts(MessageType.EXTERNAL_MU)) {
      inputs.add(SigningInput.externalMu(MessageDigest.getInstance("SHA-512").digest(message)));
    }
    return inputs;
  }

  private static byte[] digestOf(AsymmetricKeySpec spec, SigningAlgorithm algorithm, byte[] message) throws Exception {
    if (algorithm == SigningAlgorithm.SM2DSA) {
      return sm3ZM(TestKeys.pair(spec).publicKey(), message);
    }
    return MessageDigest.getInstance(algorithm.hash()).digest(message);
  }

  private static byte[] inputBytes(SigningInput input) {
    return input.bytes().clone();
  }

  /** e = SM3(Z ‖ M), Z = SM3(ENTL ‖ ID ‖ a ‖ b ‖ xG ‖ yG ‖ xA ‖ yA), computed here independently (GB/T 32918.2 §5.5). */
  static byte[] sm3ZM(AsymmetricPublicKey key, byte[] message) {
    X9ECParameters x9 = GMNamedCurves.getByName("sm2p256v1");
    byte[] id = "1234567812345678".getBytes(StandardCharsets.US_ASCII);
    org.bouncycastle.math.ec.ECPoint q = ((ECPublicKey) key.jcaKey()).getQ().normalize();
    SM3Digest z = new SM3Digest();
    z.update((byte) (id.length * 8 >> 8));
    z.update((byte) (id.length * 8));
    z.update(id, 0, id.length);
    for (byte[] part : new byte[][] {
        x9.getCurve().getA().getEncoded(), x9.getCurve().getB().getEncoded(),
        x9.getG().getAffineXCoord().getEncoded(), x9.getG().getAffineYCoord().getEncoded(),
        q.getAffineXCoord().getEncoded(), q.getAffineYCoord().getEncoded()}) {
      z.update(part, 0, part.length);
    }
    byte[] zOut = new byte[32];
    z.doFinal(zOut, 0);
    SM3Digest e = new SM3Digest();
    e.update(zOut, 0, 32);
    e.update(message, 0, message.length);
    byte[] out = new byte[32];
    e.doFinal(out, 0);
    return out;
  }
}
