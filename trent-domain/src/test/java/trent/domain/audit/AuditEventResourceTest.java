package trent.domain.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AuditEventResourceTest {

  @Test
  void theAccountOfAKeyArn() {
    AuditEvent.Resource r = AuditEvent.Resource.key("arn:aws:kms:eu-west-1:111122223333:key/mrk-1234abcd");
    assertThat(r.accountId()).isEqualTo("111122223333");
    assertThat(r.type()).isEqualTo("AWS::KMS::Key");
    assertThat(r.arn()).isEqualTo("arn:aws:kms:eu-west-1:111122223333:key/mrk-1234abcd");
  }

  @Test
  void noAccountWhenTheArnHasTooFewFields() {
    assertThat(AuditEvent.Resource.key("arn:aws:kms:eu-west-1:111122223333").accountId()).isNull();
    assertThat(AuditEvent.Resource.key("1234abcd").accountId()).isNull();
    assertThat(AuditEvent.Resource.key("arn:aws:kms::").accountId()).isNull();
  }
}
