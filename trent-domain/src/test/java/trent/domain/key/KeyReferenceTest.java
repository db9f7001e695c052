package trent.domain.key;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class KeyReferenceTest {

  @ParameterizedTest
  @ValueSource(strings = {"1234abcd-12ab-34cd-56ef-1234567890ab", "1234ABCD-12AB-34CD-56EF-1234567890AB",
      "mrk-1234abcd12ab34cd56ef1234567890ab"})
  void keyIds(String text) {
    assertThat(KeyReference.parse(text)).isEqualTo(new KeyReference.KeyId(text, text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"fake-key-id", "134f2428cec14b25a1ae9048164dba47", "mrk-fake-key-id",
      "1234abcd-12ab-34cd-56ef-1234567890ag", "1234abcd-12ab-34cd-56ef-1234567890a", "1234abcd+12ab-34cd-56ef-1234567890ab",
      "mrk-1234abcd12ab34cd56ef1234567890a-", "", "arn:aws:kms:us-east-1:111122223333:key/nope",
      "arn:aws:s3:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab", "arn:aws:kms:us-east-1"})
  void malformed(String text) {
    assertThat(KeyReference.parse(text)).isEqualTo(new KeyReference.Malformed(text));
  }

  @Test
  void arnsAndAliases() {
    String keyArn = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    assertThat(KeyReference.parse(keyArn)).isEqualTo(
        new KeyReference.KeyArn(keyArn, "eu-west-1", "111122223333", "1234abcd-12ab-34cd-56ef-1234567890ab"));
    String aliasArn = "arn:aws:kms:eu-west-1:111122223333:alias/my:odd/name";
    assertThat(KeyReference.parse(aliasArn)).isEqualTo(
        new KeyReference.AliasArn(aliasArn, "eu-west-1", "111122223333", "alias/my:odd/name"));
    assertThat(KeyReference.parse("alias/x")).isEqualTo(new KeyReference.AliasName("alias/x", "alias/x"));
  }
}
