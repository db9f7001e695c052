package trent.rot.pkcs11;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import trent.crypto.CryptoException;
import trent.crypto.IntegrityException;
import trent.crypto.SecretBytes;
import trent.crypto.keyring.Keyring;

/** Runs against a real SoftHSM2 token (see {@link SoftHsm}); each test uses its own key label. */
class Pkcs11RootOfTrustTest {

  private final SecureRandom random = new SecureRandom();
  private final byte[] aad = "trent/keyring/term/1".getBytes(StandardCharsets.US_ASCII);
  private String keyLabel;

  @BeforeEach
  void setUp(TestInfo info) {
    SoftHsm.library();
    keyLabel = "root-" + info.getTestMethod().orElseThrow().getName();
  }

  private Pkcs11RootOfTrust open() {
    return Pkcs11RootOfTrust.openOrCreate(SoftHsm.config(keyLabel).build(), random);
  }

  @Test
  void generatesTheKeyOnFirstStartAndFindsTheSameKeyAfterwards() {
    byte[] secret = new byte[32];
    random.nextBytes(secret);
    byte[] wrapped;
    String id;
    try (Pkcs11RootOfTrust first = open()) {
      wrapped = first.wrap(secret, aad);
      id = first.id();
    }
    // Creation not allowed now: the key must be found, not made again.
    Pkcs11Config reopen = SoftHsm.config(keyLabel).allowKeyCreation(false).build();
    try (Pkcs11RootOfTrust again = Pkcs11RootOfTrust.openOrCreate(reopen, random)) {
      assertThat(again.id()).isEqualTo(id);
      assertThat(again.unwrap(wrapped, aad)).isEqualTo(secret);
    }
  }

  @Test
  void theKeyIsANonExtractableTokenKey() throws Exception {
    try (Pkcs11RootOfTrust root = open()) {
      SecretKey key = root.tokenKey();
      assertThat(key.getAlgorithm()).isEqualTo("AES");
      assertThat(key.getEncoded()).isNull();
      assertThat(key.toString()).contains("token object").contains("sensitive")
          .contains("unextractable");
      SecretKeyFactory factory = SecretKeyFactory.getInstance("AES", root.provider());
      assertThatThrownBy(() -> factory.getKeySpec(key, SecretKeySpec.class))
          .hasMessageContaining("Could not obtain key bytes");
    }
  }

  @Test
  void wrapIsBoundToAssociatedDataAndEveryByte() {
    try (Pkcs11RootOfTrust root = open()) {
      byte[] secret = new byte[32];
      random.nextBytes(secret);
      byte[] wrapped = root.wrap(secret, aad);
      assertThat(wrapped).hasSize(1 + 12 + 32 + 16);
      assertThat(wrapped[0]).isEqualTo((byte) 1);
      assertThat(root.unwrap(wrapped, aad)).isEqualTo(secret);
      assertThat(root.wrap(secret, aad)).isNotEqualTo(wrapped);

      byte[] otherAad = "trent/keyring/term/2".getBytes(StandardCharsets.US_ASCII);
      assertThatThrownBy(() -> root.unwrap(wrapped, otherAad)).isInstanceOf(IntegrityException.class);
      assertThatThrownBy(() -> root.unwrap(wrapped, new byte[0])).isInstanceOf(IntegrityException.class);
      for (int bit = 0; bit < wrapped.length * 8; bit++) {
        byte[] w = wrapped.clone();
        w[bit / 8] ^= (byte) (1 << (bit % 8));
        assertThatThrownBy(() -> root.unwrap(w, aad)).as("bit %d", bit)
            .isInstanceOf(IntegrityException.class);
      }
      for (int len = 0; len < wrapped.length; len++) {
        byte[] w = Arrays.copyOf(wrapped, len);
        assertThatThrownBy(() -> root.unwrap(w, aad)).as("length %d", len)
            .isInstanceOf(IntegrityException.class);
      }
      byte[] longer = Arrays.copyOf(wrapped, wrapped.length + 1);
      assertThatThrownBy(() -> root.unwrap(longer, aad)).isInstanceOf(IntegrityException.class);
    }
  }

  @Test
  void anotherKeyOnTheSameTokenCannotUnwrap() {
    byte[] wrapped;
    try (Pkcs11RootOfTrust root = open()) {
      wrapped = root.wrap(new byte[] {1, 2, 3}, aad);
    }
    Pkcs11Config other = SoftHsm.config(keyLabel + "-b").build();
    try (Pkcs11RootOfTrust second = Pkcs11RootOfTrust.openOrCreate(other, random)) {
      assertThat(second.id()).isNotEqualTo(Pkcs11RootOfTrust.id(SoftHsm.TOKEN, keyLabel));
      assertThatThrownBy(() -> second.unwrap(wrapped, aad)).isInstanceOf(IntegrityException.class);
    }
  }

  @Test
  void idIsDerivedFromTheLabelsOnly() {
    try (Pkcs11RootOfTrust root = open()) {
      assertThat(root.id()).isEqualTo(Pkcs11RootOfTrust.id(SoftHsm.TOKEN, keyLabel))
          .matches("pkcs11:[0-9a-f]{32}");
      assertThat(root.toString()).contains(root.id()).doesNotContain(SoftHsm.PIN);
    }
    // Length prefixes keep ("ab", "c") and ("a", "bc") apart.
    assertThat(Pkcs11RootOfTrust.id("ab", "c")).isNotEqualTo(Pkcs11RootOfTrust.id("a", "bc"));
  }

  @Test
  void aWrongPinFailsClearly() {
    Pkcs11Config config = Pkcs11Config.builder()
        .library(SoftHsm.library())
        .tokenLabel(SoftHsm.OTHER_TOKEN)
        .pin("not-the-pin".toCharArray())
        .keyLabel(keyLabel)
        .build();
    assertThatThrownBy(() -> Pkcs11RootOfTrust.openOrCreate(config, random))
        .isInstanceOf(CryptoException.class)
        .hasMessageContaining("wrong user PIN for PKCS#11 token '" + SoftHsm.OTHER_TOKEN + "'")
        .hasMessageContaining("CKR_PIN_INCORRECT")
        .hasMessageNotContaining("not-the-pin");
  }

  @Test
  void aMissingKeyIsAnErrorWhenCreationIsNotAllowed() {
    Pkcs11Config config = SoftHsm.config(keyLabel).allowKeyCreation(false).build();
    assertThatThrownBy(() -> Pkcs11RootOfTrust.openOrCreate(config, random))
        .isInstanceOf(CryptoException.class)
        .hasMessageContaining("no key labelled '" + keyLabel + "' on PKCS#11 token '"
            + SoftHsm.TOKEN + "'")
        .hasMessageContaining("creating one is not allowed");
  }

  @Test
  void anUnknownTokenOrMissingLibraryFailsClearly() {
    Pkcs11Config noToken = Pkcs11Config.builder()
        .library(SoftHsm.library())
        .tokenLabel("no-such-token")
        .pin(SoftHsm.PIN.toCharArray())
        .keyLabel(keyLabel)
        .build();
    assertThatThrownBy(() -> Pkcs11RootOfTrust.openOrCreate(noToken, random))
        .isInstanceOf(CryptoException.class)
        .hasMessageContaining("no PKCS#11 token labelled 'no-such-token'")
        .hasMessageContaining(SoftHsm.TOKEN);

    Pkcs11Config noLibrary = SoftHsm.config(keyLabel)
        .library(Path.of("/nonexistent/libpkcs11.so"))
        .build();
    assertThatThrownBy(() -> Pkcs11RootOfTrust.openOrCreate(noLibrary, random))
        .isInstanceOf(CryptoException.class)
        .hasMessageContaining("PKCS#11 library /nonexistent/libpkcs11.so does not exist");
  }

  @Test
  void theKeyringOpensOnTheTokenRoot() {
    InMemoryStorage storage = new InMemoryStorage();
    Clock clock = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);
    byte[] ad = "kind=key-material;key=k;material=1".getBytes(StandardCharsets.UTF_8);
    SecretBytes secret = SecretBytes.random(32, random);
    byte[] wrapped;
    try (Pkcs11RootOfTrust root = open();
        Keyring keyring = Keyring.openOrCreate(root, storage, clock, random)) {
      wrapped = keyring.wrap(secret, ad);
      assertThat(storage.list()).singleElement()
          .satisfies(t -> assertThat(t.rootId()).isEqualTo(root.id()));
    }
    try (Pkcs11RootOfTrust root = open();
        Keyring keyring = Keyring.openOrCreate(root, storage, clock, random)) {
      assertThat(keyring.unwrap(wrapped, ad).equalsConstantTime(secret)).isTrue();
    }
  }

  @Test
  void closedRootNoLongerWorks() {
    Pkcs11RootOfTrust root = open();
    byte[] wrapped = root.wrap(new byte[1], aad);
    root.close();
    assertThatThrownBy(() -> root.wrap(new byte[1], aad)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> root.unwrap(wrapped, aad)).isInstanceOf(IllegalStateException.class);
  }
}
