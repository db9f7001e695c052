package trent.protocol.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class RequestLogTest {

  @Test
  void closeWritesEveryQueuedLineInOrder() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    RequestLog log = RequestLog.to(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    for (int i = 0; i < 10_000; i++) {
      log.record("id-" + i, "Decrypt", 200, null, i);
    }
    log.record("id-error", "Encrypt", 400, "ValidationException", 7);
    // Text beyond ASCII (never an operation Trent names, but the encoding must not depend on that).
    log.record("id-utf8", "Éncrypt鍵", 400, "ValidationException", 8);
    log.close();

    List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(lines).hasSize(10_002);
    assertThat(lines.get(10_001)).endsWith(" INFO  trent.request id-utf8 Éncrypt鍵 400 ValidationException 8us");
    for (int i = 0; i < 10_000; i++) {
      assertThat(lines.get(i)).contains(" INFO  trent.request id-" + i + " Decrypt 200 " + i + "us");
    }
    assertThat(lines.get(10_000)).endsWith(" INFO  trent.request id-error Encrypt 400 ValidationException 7us");
  }

  @Test
  @Timeout(30) // only a failure waits this long
  void aLineRecordedWhileIdleIsWrittenWithoutClosing() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (RequestLog log = RequestLog.to(new PrintStream(bytes, true, StandardCharsets.UTF_8))) {
      log.record("only", null, 400, "BadRequestException", 0);
      // The writer looks every few milliseconds; wait for the line, however long that takes.
      while (!bytes.toString(StandardCharsets.UTF_8).contains("only - 400 BadRequestException 0us")) {
        Thread.sleep(1);
      }
    }
    assertThat(bytes.toString(StandardCharsets.UTF_8).lines()).hasSize(1);
  }

  @Test
  void timestampsReadAsInstantToStringDoes() {
    RequestLog.Timestamps times = new RequestLog.Timestamps();
    long[] samples = {0L, 1L, 999L, 1000L, 1001L, 1_765_000_000_000L, 1_765_000_000_010L, 1_765_000_000_100L,
        1_765_000_000_999L, 1_765_000_001_000L, -1L, -1000L, -1001L, 253_402_300_799_999L};
    for (long millis : samples) {
      assertThat(times.append(new StringBuilder(), millis).toString())
          .isEqualTo(java.time.Instant.ofEpochMilli(millis).toString());
    }
    java.util.SplittableRandom random = new java.util.SplittableRandom(7);
    long at = 1_765_000_000_000L;
    for (int i = 0; i < 10_000; i++) {
      at += random.nextInt(0, 400);
      assertThat(times.append(new StringBuilder(), at).toString()).isEqualTo(java.time.Instant.ofEpochMilli(at).toString());
    }
  }
}
