package trent.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class DerivedKeyAeadTest {

  private final SecureRandom random = new SecureRandom();
  private final byte[] aad = "what this is".getBytes(StandardCharsets.UTF_8);
  private final byte[] plaintext = "attack at dawn".getBytes(StandardCharsets.UTF_8);

  private DerivedKeyAead newAead() {
    return DerivedKeyAead.create(SecretBytes.random(32, random));
  }

  private record Sealed(byte[] nonce, byte[] ciphertext) {}

  private Sealed seal(DerivedKeyAead aead, byte[] pt, byte[] ad) {
    MessageNonce nonce = MessageNonce.random(random);
    return new Sealed(nonce.toByteArray(), aead.encrypt(nonce, pt, ad));
  }

  private byte[] open(DerivedKeyAead aead, Sealed s, byte[] ad) {
    return aead.decrypt(MessageNonce.fromCiphertext(s.nonce(), 0), s.ciphertext(), ad);
  }

  @Test
  void roundTripsIncludingEmptyPlaintext() {
    DerivedKeyAead aead = newAead();
    for (byte[] pt : new byte[][] {new byte[0], plaintext, new byte[4096]}) {
      Sealed s = seal(aead, pt, aad);
      assertThat(s.ciphertext()).hasSize(pt.length + DerivedKeyAead.TAG_LENGTH);
      assertThat(open(aead, s, aad)).isEqualTo(pt);
    }
  }

  @Test
  void sameMessageTwiceGivesUnrelatedCiphertexts() {
    DerivedKeyAead aead = newAead();
    Sealed a = seal(aead, plaintext, aad);
    Sealed b = seal(aead, plaintext, aad);
    assertThat(a.nonce()).isNotEqualTo(b.nonce());
    assertThat(a.ciphertext()).isNotEqualTo(b.ciphertext());
  }

  @Test
  void everyBitFlipOfCiphertextFails() {
    DerivedKeyAead aead = newAead();
    Sealed s = seal(aead, plaintext, aad);
    for (int bit = 0; bit < s.ciphertext().length * 8; bit++) {
      byte[] c = s.ciphertext().clone();
      c[bit / 8] ^= (byte) (1 << (bit % 8));
      Sealed changed = new Sealed(s.nonce(), c);
      assertThatThrownBy(() -> open(aead, changed, aad)).isInstanceOf(IntegrityException.class);
    }
  }

  @Test
  void everyBitFlipOfNonceFails() {
    DerivedKeyAead aead = newAead();
    Sealed s = seal(aead, plaintext, aad);
    for (int bit = 0; bit < MessageNonce.LENGTH * 8; bit++) {
      byte[] n = s.nonce().clone();
      n[bit / 8] ^= (byte) (1 << (bit % 8));
      Sealed changed = new Sealed(n, s.ciphertext());
      assertThatThrownBy(() -> open(aead, changed, aad)).isInstanceOf(IntegrityException.class);
    }
  }

  @Test
  void everyTruncationFails() {
    DerivedKeyAead aead = newAead();
    Sealed s = seal(aead, plaintext, aad);
    for (int len = 0; len < s.ciphertext().length; len++) {
      Sealed cut = new Sealed(s.nonce(), Arrays.copyOf(s.ciphertext(), len));
      assertThatThrownBy(() -> open(aead, cut, aad)).isInstanceOf(IntegrityException.class);
    }
  }

  @Test
  void otherAssociatedDataOrOtherKeyFails() {
    DerivedKeyAead aead = newAead();
    Sealed s = seal(aead, plaintext, aad);
    assertThatThrownBy(() -> open(aead, s, "other".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IntegrityException.class);
    assertThatThrownBy(() -> open(aead, s, new byte[0])).isInstanceOf(IntegrityException.class);
    assertThatThrownBy(() -> open(newAead(), s, aad)).isInstanceOf(IntegrityException.class);
  }

  @Test
  void aNonceEncryptsOnceAndAReceivedNonceNever() {
    DerivedKeyAead aead = newAead();
    MessageNonce nonce = MessageNonce.random(random);
    aead.encrypt(nonce, plaintext, aad);
    assertThatThrownBy(() -> aead.encrypt(nonce, plaintext, aad))
        .isInstanceOf(IllegalStateException.class);

    MessageNonce received = MessageNonce.fromCiphertext(new byte[32], 0);
    assertThatThrownBy(() -> aead.encrypt(received, plaintext, aad))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void fixedTestNonceGivesTheSameCiphertextEachTime() {
    DerivedKeyAead aead = DerivedKeyAead.create(SecretBytes.copyOf(new byte[32]));
    byte[] n = new byte[32];
    byte[] a = aead.encrypt(MessageNonce.insecureFixedForTesting(n), plaintext, aad);
    byte[] b = aead.encrypt(MessageNonce.insecureFixedForTesting(n), plaintext, aad);
    assertThat(a).isEqualTo(b);
  }

  @Test
  void rejectsBackingKeysOfOtherSizes() {
    assertThatThrownBy(() -> DerivedKeyAead.create(SecretBytes.copyOf(new byte[16])))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void takesItsOwnCopyOfTheKeyAndStopsWorkingWhenClosed() {
    SecretBytes key = SecretBytes.random(32, random);
    DerivedKeyAead aead = DerivedKeyAead.create(key);
    key.destroy();
    Sealed s = seal(aead, plaintext, aad);
    assertThat(open(aead, s, aad)).isEqualTo(plaintext);
    aead.close();
    assertThatThrownBy(() -> open(aead, s, aad)).isInstanceOf(IllegalStateException.class);
    assertThat(aead.toString()).doesNotContain(HexFormat.of().formatHex(s.nonce()));
  }

  @Test
  void manyThreadsShareOneInstance() throws Exception {
    DerivedKeyAead aead = newAead();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        int id = t;
        results.add(pool.submit(() -> {
          for (int i = 0; i < 200; i++) {
            byte[] pt = ("thread " + id + " message " + i).getBytes(StandardCharsets.UTF_8);
            Sealed s = seal(aead, pt, aad);
            if (!Arrays.equals(open(aead, s, aad), pt)) {
              return false;
            }
          }
          return true;
        }));
      }
      for (Future<Boolean> f : results) {
        assertThat(f.get()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void randomNoncesDoNotRepeat() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      assertThat(seen.add(HexFormat.of().formatHex(MessageNonce.random(random).toByteArray()))).isTrue();
    }
  }
}
