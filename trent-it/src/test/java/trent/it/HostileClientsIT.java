package trent.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.UnixOperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * Clients that misbehave on purpose, against a running server: each test checks that the server
 * deals with the bad client and keeps answering a well-behaved AWS SDK client meanwhile.
 *
 * <p>The many-idle-connections test holds {@code -Dtrent.it.idleConnections} connections (1,000 by
 * default; 5,000 for the long form), fewer if this JVM's file descriptor limit does not allow that
 * many (each connection costs two descriptors here: client and server end).
 */
class HostileClientsIT {

  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(2);

  static RunningTrent trent;
  static KmsClient kms;

  @BeforeAll
  static void start() throws IOException {
    trent = RunningTrent.start(b -> b.requestTimeout(REQUEST_TIMEOUT));
    kms = trent.client();
  }

  @AfterAll
  static void stop() throws IOException {
    kms.close();
    trent.close();
  }

  RawConnection connect() throws IOException {
    return new RawConnection(trent.server().endpoint(), 30_000);
  }

  static void wellBehavedClientIsServed() {
    assertThat(kms.generateRandom(r -> r.numberOfBytes(16)).plaintext().asByteArray()).hasSize(16);
  }

  @Test
  void aClientTricklingBytesIsDisconnectedWhileOthersAreServed() throws Exception {
    byte[] request = RawConnection.request("GenerateRandom", "{\"NumberOfBytes\":8}");
    try (RawConnection slow = connect()) {
      AtomicBoolean stop = new AtomicBoolean();
      Thread trickle = new Thread(() -> {
        try {
          // One byte every 100 ms: never idle, but the whole request would take far longer than
          // the request timeout.
          for (int i = 0; i < request.length && !stop.get(); i++) {
            slow.write(new byte[] {request[i]});
            Thread.sleep(100);
          }
        } catch (IOException | InterruptedException e) {
          // the server closed the connection: expected
        }
      });
      trickle.start();
      wellBehavedClientIsServed();
      wellBehavedClientIsServed();
      // Bounded wait: the read times out after 30 s if the server never closes.
      assertThat(slow.closedByServer()).as("the server closed the trickling connection").isTrue();
      stop.set(true);
      trickle.join(10_000);
    }
    wellBehavedClientIsServed();
  }

  /**
   * The idle timeout closes a connection that has nothing to do, before any request or after its
   * answer, and never one whose client keeps sending requests, however long that goes on.
   */
  @Test
  void idleConnectionsAreClosedAfterTheIdleTimeoutAndBusyOnesAreNot() throws Exception {
    Duration idle = Duration.ofSeconds(2);
    byte[] request = RawConnection.request("GenerateRandom", "{\"NumberOfBytes\":8}");
    try (RunningTrent quick = RunningTrent.start(b -> b.idleTimeout(idle));
        RawConnection silent = new RawConnection(quick.server().endpoint(), 30_000);
        RawConnection answered = new RawConnection(quick.server().endpoint(), 30_000);
        RawConnection busy = new RawConnection(quick.server().endpoint(), 30_000)) {
      answered.write(request);
      assertThat(answered.read().status()).isEqualTo(200);
      // Three idle timeouts of requests 0.1 s apart: busy is never idle, the other two are.
      long until = System.nanoTime() + idle.multipliedBy(3).toNanos();
      while (System.nanoTime() < until) {
        busy.write(request);
        assertThat(busy.read().status()).isEqualTo(200);
        Thread.sleep(100);
      }
      // Bounded waits: each read times out after 30 s if the server never closes.
      assertThat(silent.closedByServer()).as("a connection that never sent a request").isTrue();
      assertThat(answered.closedByServer()).as("a connection idle since its answer").isTrue();
      busy.write(request);
      assertThat(busy.read().status()).isEqualTo(200);
    }
  }

  @Test
  void aClientTakingItsTimeBetweenRequestsKeepsItsConnection() throws Exception {
    try (RawConnection c = connect()) {
      c.write(RawConnection.request("GenerateRandom", "{\"NumberOfBytes\":8}"));
      assertThat(c.read().status()).isEqualTo(200);
      // Longer than the request timeout, but between requests: only the idle timeout applies.
      Thread.sleep(REQUEST_TIMEOUT.toMillis() + 500);
      c.write(RawConnection.request("GenerateRandom", "{\"NumberOfBytes\":8}"));
      assertThat(c.read().status()).isEqualTo(200);
    }
  }

  @Test
  void oversizedHeadersAreRefusedWith431() throws Exception {
    try (RawConnection c = connect()) {
      String big = "X-Filler: " + "a".repeat(40 * 1024) + "\r\n";
      c.write(("POST / HTTP/1.1\r\nHost: localhost\r\n" + big + "Content-Length: 0\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      RawConnection.Response response = c.read();
      assertThat(response.status()).isEqualTo(431);
      assertThat(response.body()).contains("\"__type\":\"BadRequestException\"");
    }
    try (RawConnection c = connect()) {
      c.write(("POST /" + "a".repeat(10 * 1024) + " HTTP/1.1\r\nHost: localhost\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      assertThat(c.read().status()).isBetween(400, 499);
    }
    wellBehavedClientIsServed();
  }

  @Test
  void oversizedBodiesAreRefusedWith413AndNotBuffered() throws Exception {
    int max = trent.server().config().maxBodyBytes();
    byte[] chunk = new byte[64 * 1024];
    try (RawConnection c = connect()) {
      // Twenty bodies of 4 MiB on one keep-alive connection: 80 MiB sent, each one refused and
      // its bytes discarded as they arrive.
      for (int round = 0; round < 20; round++) {
        int length = 4 * max;
        byte[] head = RawConnection.request("Encrypt", "");
        String h = new String(head, StandardCharsets.US_ASCII).replace("Content-Length: 0", "Content-Length: " + length);
        c.write(h.getBytes(StandardCharsets.US_ASCII));
        for (int sent = 0; sent < length; sent += chunk.length) {
          c.write(chunk);
        }
        RawConnection.Response response = c.read();
        assertThat(response.status()).isEqualTo(413);
        assertThat(response.body()).contains("RequestEntityTooLargeException");
      }
      // The same connection still answers a normal request.
      c.write(RawConnection.request("GenerateRandom", "{\"NumberOfBytes\":8}"));
      assertThat(c.read().status()).isEqualTo(200);
    }
    try (RawConnection c = connect()) {
      // Chunked transfer encoding: no length announced, the limit is found while reading.
      c.write(("POST / HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-amz-json-1.1\r\n"
          + "X-Amz-Target: TrentService.Encrypt\r\nTransfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      String chunkHead = Integer.toHexString(chunk.length) + "\r\n";
      RawConnection.Response response = null;
      try {
        for (int sent = 0; sent < 4 * max; sent += chunk.length) {
          c.write(chunkHead.getBytes(StandardCharsets.US_ASCII));
          c.write(chunk);
          c.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        c.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      } catch (IOException e) {
        // the server may answer and close before all of it is sent
      }
      response = c.read();
      assertThat(response.status()).isEqualTo(413);
    }
    wellBehavedClientIsServed();
  }

  @Test
  void pipelinedRequestsAreAnsweredInOrder() throws Exception {
    // Slow (storage, on the worker pool) and fast (answered on the I/O thread) requests alternate;
    // without ordering the fast answers would overtake the slow ones.
    int n = 40;
    java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
    for (int i = 0; i < n; i++) {
      all.write(i % 2 == 0
          ? RawConnection.request("CreateKey", "{\"Description\":\"pipelined-" + i + "\"}")
          : RawConnection.request("GenerateRandom", "{\"NumberOfBytes\":" + i + "}"));
    }
    try (RawConnection c = connect()) {
      c.write(all.toByteArray());
      Pattern description = Pattern.compile("\"Description\":\"pipelined-(\\d+)\"");
      Pattern plaintext = Pattern.compile("\"Plaintext\":\"([^\"]*)\"");
      for (int i = 0; i < n; i++) {
        RawConnection.Response response = c.read();
        assertThat(response.status()).as("answer %d: %s", i, response.body()).isEqualTo(200);
        if (i % 2 == 0) {
          Matcher m = description.matcher(response.body());
          assertThat(m.find()).as("answer %d is CreateKey's: %s", i, response.body()).isTrue();
          assertThat(Integer.parseInt(m.group(1))).isEqualTo(i);
        } else {
          Matcher m = plaintext.matcher(response.body());
          assertThat(m.find()).as("answer %d is GenerateRandom's: %s", i, response.body()).isTrue();
          assertThat(java.util.Base64.getDecoder().decode(m.group(1))).hasSize(i);
        }
      }
    }
  }

  @Test
  void aHalfClosedConnectionStillGetsItsAnswer() throws Exception {
    try (RawConnection c = connect()) {
      c.write(RawConnection.request("CreateKey", "{\"Description\":\"half-closed\"}"));
      c.socket.shutdownOutput();
      RawConnection.Response response = c.read();
      assertThat(response.status()).isEqualTo(200);
      assertThat(response.body()).contains("half-closed");
      assertThat(c.closedByServer()).isTrue();
    }
    wellBehavedClientIsServed();
  }

  @Test
  void resetConnectionsDoNotDisturbTheServer() throws Exception {
    for (int i = 0; i < 50; i++) {
      RawConnection c = connect();
      byte[] request = RawConnection.request("CreateKey", "{\"Description\":\"reset\"}");
      // Reset in the middle of the request, or right after a whole one (while it is answered).
      c.write(i % 2 == 0 ? java.util.Arrays.copyOf(request, request.length / 2) : request);
      c.reset();
    }
    wellBehavedClientIsServed();
    // Writes still work too. (Whether a reset CreateKey was carried out depends on when the reset
    // arrived, so the test does not count those keys.)
    String created = kms.createKey(r -> r.description("after the resets")).keyMetadata().keyId();
    assertThat(kms.listKeys().keys()).anySatisfy(k -> assertThat(k.keyId()).isEqualTo(created));
  }

  @Test
  void manyIdleConnectionsAreHeldWhileAnSdkClientIsServed() throws Exception {
    int wanted = Integer.getInteger("trent.it.idleConnections", 1000);
    int count = Math.min(wanted, affordableConnections());
    System.out.printf("HostileClientsIT: holding %d idle connections (asked for %d)%n", count, wanted);
    List<RawConnection> idle = new ArrayList<>(count);
    ExecutorService callers = Executors.newFixedThreadPool(4);
    try {
      for (int i = 0; i < count; i++) {
        RawConnection c = connect();
        if (i % 2 == 1) {
          // Half of them have started a request and stopped.
          c.write("POST / HTTP/1.1\r\nHost: localhost\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        idle.add(c);
      }
      List<Future<Long>> calls = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        calls.add(callers.submit(() -> {
          long t0 = System.nanoTime();
          wellBehavedClientIsServed();
          kms.listKeys();
          return System.nanoTime() - t0;
        }));
      }
      long worst = 0;
      for (Future<Long> call : calls) {
        worst = Math.max(worst, call.get(60, TimeUnit.SECONDS));
      }
      System.out.printf("HostileClientsIT: slowest SDK round trip with %d idle connections: %d ms%n",
          count, TimeUnit.NANOSECONDS.toMillis(worst));
      // The idle connections that sent nothing are still open and usable.
      for (int i = 0; i < Math.min(count, 20); i += 2) {
        RawConnection c = idle.get(i);
        c.write(RawConnection.request("GenerateRandom", "{\"NumberOfBytes\":4}"));
        assertThat(c.read().status()).isEqualTo(200);
      }
    } finally {
      callers.shutdownNow();
      for (RawConnection c : idle) {
        c.close();
      }
    }
  }

  /** How many connections this JVM can hold at two descriptors each, with room to spare. */
  static int affordableConnections() {
    if (ManagementFactory.getOperatingSystemMXBean() instanceof UnixOperatingSystemMXBean os) {
      long free = os.getMaxFileDescriptorCount() - os.getOpenFileDescriptorCount();
      return (int) Math.max(100, (free - 1000) / 2);
    }
    return 1000;
  }
}
