package trent.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestContextTest {

  @Test
  void derivesPrincipalKeysAndFoldsKeyCase() {
    RequestContext c = RequestContext.builder().principal("arn:aws:iam::111122223333:user/u", "111122223333")
        .action("kms:Decrypt").resource("arn:aws:kms:us-east-1:111122223333:key/k")
        .encryptionContext(Map.of("Tenant", "acme")).currentTime(Instant.parse("2024-01-01T00:00:00Z")).build();
    assertThat(c.values("AWS:PRINCIPALARN")).containsExactly("arn:aws:iam::111122223333:user/u");
    assertThat(c.values("aws:PrincipalAccount")).containsExactly("111122223333");
    assertThat(c.values("kms:calleraccount")).containsExactly("111122223333");
    assertThat(c.values("kms:EncryptionContext:tenant")).containsExactly("acme");
    assertThat(c.values("kms:EncryptionContextKeys")).containsExactly("Tenant");
    assertThat(c.values("aws:CurrentTime")).containsExactly("2024-01-01T00:00:00Z");
    assertThat(c.values("aws:EpochTime")).containsExactly("1704067200");
    assertThat(c.has("kms:ViaService")).isFalse();
  }

  @Test
  void toBuilderRederivesPrincipalKeys() {
    RequestContext c = RequestContext.builder().principal("arn:aws:iam::111122223333:user/u", "111122223333")
        .action("kms:Decrypt").resource("*").condition("k:a", List.of("1", "2")).build();
    RequestContext d = c.toBuilder().principal("arn:aws:iam::444455556666:root", "444455556666").build();
    assertThat(d.values("aws:PrincipalArn")).containsExactly("arn:aws:iam::444455556666:root");
    assertThat(d.values("kms:CallerAccount")).containsExactly("444455556666");
    assertThat(d.values("k:a")).containsExactly("1", "2");
    assertThat(c.values("k:a")).containsExactly("1", "2");
  }

  @Test
  void emptyValueListIsAbsentAndMissingPartsFail() {
    RequestContext c = RequestContext.builder().principal("arn:aws:iam::111122223333:user/u", "111122223333")
        .action("kms:Decrypt").resource("*").condition("k:a", List.of()).build();
    assertThat(c.has("k:a")).isFalse();
    assertThatThrownBy(() -> RequestContext.builder().action("kms:Decrypt").resource("*").build())
        .isInstanceOf(NullPointerException.class);
  }
}
