package trent.server.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import trent.domain.audit.AuditEvent;
import trent.domain.audit.UserIdentity;
import trent.ops.Caller;

/** Who sees which event in the console's audit view, and its filters. */
class AuditVisibilityTest {

  static final String A = "111122223333";
  static final String B = "444455556666";
  static final Caller ROOT_A = new Caller(A, "arn:aws:iam::" + A + ":root", "AKROOTA");
  static final Caller ALICE = new Caller(A, "arn:aws:iam::" + A + ":user/alice", "AKALICE");
  static final Caller BOB = new Caller(A, "arn:aws:iam::" + A + ":user/bob", "AKBOB");
  static final Caller ROOT_B = new Caller(B, "arn:aws:iam::" + B + ":root", "AKROOTB");
  static final String KEY_A = "arn:aws:kms:us-east-1:" + A + ":key/1234abcd-12ab-34cd-56ef-1234567890ab";

  static AuditEvent event(Caller caller, String operation, String keyArn, String errorCode) {
    UserIdentity who = caller == null ? UserIdentity.unknown("AKUNKNOWN")
        : UserIdentity.of(caller.principalArn(), caller.account(), caller.accessKeyId());
    List<AuditEvent.Resource> resources = keyArn == null ? List.of() : List.of(AuditEvent.Resource.key(keyArn));
    String recipient = keyArn != null ? resources.get(0).accountId() : caller == null ? null : caller.account();
    return new AuditEvent("e-" + operation, Instant.parse("2026-11-23T12:00:00Z"), operation, who, "us-east-1",
        "127.0.0.1", "test", keyArn == null ? null : Map.of("keyId", keyArn), null, "r-" + operation, false, resources,
        recipient, errorCode, errorCode == null ? null : "denied");
  }

  @Test
  void anAccountRootSeesItsAccountsEventsAndOtherAccountsUseOfItsKeys() {
    assertThat(AuditVisibility.visibleTo(ROOT_A, event(ALICE, "ListKeys", null, null))).isTrue();
    assertThat(AuditVisibility.visibleTo(ROOT_A, event(ROOT_A, "CreateKey", KEY_A, null))).isTrue();
    assertThat(AuditVisibility.visibleTo(ROOT_A, event(ROOT_B, "Decrypt", KEY_A, "AccessDeniedException"))).isTrue();
    assertThat(AuditVisibility.visibleTo(ROOT_A, event(ROOT_B, "ListKeys", null, null))).isFalse();
  }

  @Test
  void anotherAccountsRootDoesNotSeeTheAccountsEvents() {
    assertThat(AuditVisibility.visibleTo(ROOT_B, event(ALICE, "DisableKey", KEY_A, null))).isFalse();
    assertThat(AuditVisibility.visibleTo(ROOT_B, event(ROOT_A, "ListKeys", null, null))).isFalse();
    // ... but sees its own request on A's key.
    assertThat(AuditVisibility.visibleTo(ROOT_B, event(ROOT_B, "Decrypt", KEY_A, "AccessDeniedException"))).isTrue();
  }

  @Test
  void anyOtherPrincipalSeesOnlyItsOwnRequests() {
    assertThat(AuditVisibility.visibleTo(ALICE, event(ALICE, "DisableKey", KEY_A, "AccessDeniedException"))).isTrue();
    assertThat(AuditVisibility.visibleTo(ALICE, event(BOB, "DisableKey", KEY_A, null))).isFalse();
    assertThat(AuditVisibility.visibleTo(ALICE, event(ROOT_A, "CreateKey", KEY_A, null))).isFalse();
    // The same user name in another account is another principal.
    Caller aliceB = new Caller(B, "arn:aws:iam::" + B + ":user/alice", "AKALICEB");
    assertThat(AuditVisibility.visibleTo(aliceB, event(ALICE, "ListKeys", null, null))).isFalse();
  }

  @Test
  void unauthenticatedRequestsAreShownToNobody() {
    AuditEvent unknown = event(null, "ListKeys", null, "InvalidSignatureException");
    assertThat(AuditVisibility.visibleTo(ROOT_A, unknown)).isFalse();
    assertThat(AuditVisibility.visibleTo(ALICE, unknown)).isFalse();
  }

  @Test
  void theRingKeepsTheNewestAndFiltersWhatTheCallerMaySee() {
    RecentAuditEvents recent = new RecentAuditEvents(3);
    recent.add(event(ALICE, "ListKeys", null, null)); // pushed out by the three below
    recent.add(event(ALICE, "DisableKey", KEY_A, "AccessDeniedException"));
    recent.add(event(BOB, "DescribeKey", KEY_A, null));
    recent.add(event(ROOT_A, "EnableKey", KEY_A, null));

    assertThat(recent.visibleTo(ROOT_A, RecentAuditEvents.Filter.ALL, 10)).extracting(AuditEvent::eventName)
        .containsExactly("EnableKey", "DescribeKey", "DisableKey");
    assertThat(recent.visibleTo(ALICE, RecentAuditEvents.Filter.ALL, 10)).extracting(AuditEvent::eventName)
        .containsExactly("DisableKey");
    assertThat(recent.visibleTo(ROOT_A, RecentAuditEvents.Filter.ALL, 2)).hasSize(2);
    assertThat(recent.visibleTo(ROOT_A, new RecentAuditEvents.Filter(null, null, null, "any"), 10))
        .extracting(AuditEvent::eventName).containsExactly("DisableKey");
    assertThat(recent.visibleTo(ROOT_A, new RecentAuditEvents.Filter(null, "user/bob", null, null), 10))
        .extracting(AuditEvent::eventName).containsExactly("DescribeKey");
    assertThat(recent.visibleTo(ROOT_A, new RecentAuditEvents.Filter("1234ABCD", null, "EnableKey", "none"), 10))
        .extracting(AuditEvent::eventName).containsExactly("EnableKey");
    assertThat(recent.visibleTo(ROOT_A, new RecentAuditEvents.Filter("ffff", null, null, null), 10)).isEmpty();
  }
}
