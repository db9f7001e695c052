package trent.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Every kind of bad seed entry is refused when the file is read, with a message naming the entry. */
class SeedFileTest {

  static final String ID = "1733b1c1-1ed2-4eb2-aaf0-6eaa46b151bc";
  static final String AES = "91962dbf837ba5542792d630414d7b5e07901bf274dfe7728ad7851116f1485e";
  static final String GOOD = "  - id: 00000000-0000-4000-8000-000000000001\n    material: { hex: " + AES + " }\n";

  /** The bad entry comes second, so the index in the message is checked too. */
  static SeedFile seed(String badEntry) {
    return SeedFile.parse("seed.yaml", "keys:\n" + GOOD + badEntry);
  }

  static Stream<Arguments> badEntries() {
    return Stream.of(
        Arguments.of("  - material: { hex: " + AES + " }\n", "seed.yaml: keys[1]: id is required"),
        Arguments.of("  - id: 1733B1C1-1ED2-4EB2-AAF0-6EAA46B151BC\n    material: { hex: " + AES + " }\n",
            "seed.yaml: keys[1] (id 1733B1C1-1ED2-4EB2-AAF0-6EAA46B151BC): id must be a lowercase UUID"),
        Arguments.of("  - id: " + ID + "\n", "seed.yaml: keys[1] (id " + ID + "): material is required"),
        Arguments.of("  - id: " + ID + "\n    material: { hex: 0011 }\n",
            "seed.yaml: keys[1] (id " + ID + "): material: SYMMETRIC_DEFAULT key material must be 32 bytes, was 2"),
        Arguments.of("  - id: " + ID + "\n    material: { hex: zz }\n",
            "seed.yaml: keys[1] (id " + ID + "): material is not valid hex"),
        Arguments.of("  - id: " + ID + "\n    material: { hex: " + AES + ", base64: AAAA }\n",
            "seed.yaml: keys[1] (id " + ID + "): material: give exactly one of hex, base64 and pem"),
        Arguments.of("  - id: " + ID + "\n    keySpec: HMAC_256\n    keyUsage: GENERATE_VERIFY_MAC\n    material: { hex: 0011 }\n",
            "seed.yaml: keys[1] (id " + ID + "): material: HMAC_256 key material must be 32..64 bytes"),
        Arguments.of("  - id: " + ID + "\n    keySpec: ECC_NIST_P256\n    keyUsage: SIGN_VERIFY\n    material: { hex: " + AES + " }\n",
            "seed.yaml: keys[1] (id " + ID + "): material: ECC_NIST_P256 key material must be a ECC_NIST_P256 private key in PKCS#8"),
        Arguments.of("  - id: " + ID + "\n    keySpec: HMAC_256\n    material: { hex: " + AES + " }\n",
            "seed.yaml: keys[1] (id " + ID + "): keyUsage is required for KeySpec HMAC_256"),
        Arguments.of("  - id: " + ID + "\n    keySpec: HMAC_256\n    keyUsage: SIGN_VERIFY\n    material: { hex: " + AES + " }\n",
            "seed.yaml: keys[1] (id " + ID + "): KeyUsage SIGN_VERIFY is not compatible with KeySpec HMAC_256"),
        Arguments.of("  - id: " + ID + "\n    keySpec: AES_256\n    material: { hex: " + AES + " }\n",
            "seed.yaml: keys[1] (id " + ID + "): keySpec: 'AES_256' is not one of"),
        Arguments.of("  - id: " + ID + "\n    account: \"1234\"\n    material: { hex: " + AES + " }\n",
            "seed.yaml: keys[1] (id " + ID + "): account must be 12 digits, was '1234'"),
        Arguments.of("  - id: " + ID + "\n    region: Mars\n    material: { hex: " + AES + " }\n",
            "seed.yaml: keys[1] (id " + ID + "): region 'Mars' is not a Region name"),
        Arguments.of("  - id: " + ID + "\n    material: { hex: " + AES + " }\n    policy: { Statement: 3 }\n",
            "seed.yaml: keys[1] (id " + ID + "): policy is not a valid key policy"),
        Arguments.of("  - id: 00000000-0000-4000-8000-000000000001\n    material: { hex: " + AES + " }\n",
            "seed.yaml: keys[1] (id 00000000-0000-4000-8000-000000000001): the id appears twice"),
        Arguments.of("  - id: " + ID + "\n    material: { hex: " + AES + " }\n    aliases: [ alias/a, alias/a ]\n",
            "seed.yaml: keys[1] (id " + ID + "): alias/a appears twice"),
        Arguments.of("  - id: " + ID + "\n    material: { hex: " + AES + " }\n    grants:\n      - granteePrincipal: x\n"
            + "        operations: [ Encrypt ]\n",
            "seed.yaml: keys[1] (id " + ID + "): grants[0]: name is required"),
        Arguments.of("  - id: " + ID + "\n    material: { hex: " + AES + " }\n    grants:\n      - name: g\n"
            + "        granteePrincipal: arn:aws:iam::111122223333:role/r\n        operations: [ Sign ]\n",
            "seed.yaml: keys[1] (id " + ID + "): grants[0]: operation Sign does not apply to a SYMMETRIC_DEFAULT key"),
        Arguments.of("  - id: " + ID + "\n    material: { hex: " + AES + " }\n    colour: blue\n",
            "seed.yaml: keys[1].colour: unknown setting 'colour'"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("badEntries")
  void aBadEntryIsRefusedWithAMessageNamingIt(String entry, String message) {
    assertThatThrownBy(() -> seed(entry)).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith(message);
  }

  @Test
  void messagesNeverQuoteKeyMaterial() {
    String secretish = AES.substring(0, 62); // 31 bytes: wrong length
    assertThatThrownBy(() -> seed("  - id: " + ID + "\n    material: { hex: " + secretish + " }\n"))
        .message().doesNotContain(secretish);
    assertThatThrownBy(() -> SeedFile.parse("seed.yaml", "keys:\n  - id: " + ID + "\n    material: { hex: \"" + AES + " }\n"))
        .hasMessageStartingWith("seed.yaml: not valid YAML").message().doesNotContain(AES);
  }

  @Test
  void aGoodFileIsReadAndAnEmptyOneHasNoKeys() {
    assertThat(SeedFile.parse("seed.yaml", "keys:\n" + GOOD).size()).isEqualTo(1);
    assertThat(SeedFile.parse("seed.yaml", "").size()).isZero();
    assertThatThrownBy(() -> SeedFile.fromClasspath("no-such-seed.yaml"))
        .hasMessage("no seed file no-such-seed.yaml on the class path");
  }
}
