package trent.protocol.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import trent.ops.OperationTable;
import trent.protocol.Authenticator;
import trent.protocol.Dispatcher;
import trent.protocol.json.JsonCodec;
import trent.protocol.model.ModelValidator;

/**
 * Each transport serves alike: pipelined requests answered in order on one connection, and a
 * request whose client shut its output still answered before the connection closes.
 */
class TransportTest {

  /** A request for {@code operation}, which the test's empty operation table answers with an error naming it. */
  private static String request(String operation) {
    return "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        + "Content-Type: application/x-amz-json-1.1\r\nX-Amz-Target: TrentService." + operation + "\r\n"
        + "Content-Length: 2\r\n\r\n{}";
  }

  private static HttpServer start(Transport transport) throws InterruptedException {
    Dispatcher dispatcher = new Dispatcher(OperationTable.builder().build(), ModelValidator.loadDefault(),
        Authenticator.developmentMode("111122223333", Clock.systemUTC()), new JsonCodec(), Runnable::run);
    return HttpServer.start("127.0.0.1", 0, dispatcher, 64 * 1024, Duration.ofSeconds(30), Duration.ofSeconds(30), 1,
        null, false, Cors.NONE, transport);
  }

  /** What the server sends until it closes the connection. */
  private static String exchange(HttpServer server, String requests) throws Exception {
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(requests.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      socket.shutdownOutput();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream answer = new ByteArrayOutputStream();
      in.transferTo(answer);
      return answer.toString(StandardCharsets.UTF_8);
    }
  }

  @ParameterizedTest
  @EnumSource(value = Transport.class, names = {"IO_URING", "EPOLL", "NIO"})
  void answersPipelinedRequestsInOrderThenHonoursTheHalfClose(Transport transport) throws Exception {
    assumeThat(transport.isAvailable()).as(transport + " on this machine").isTrue();
    try (HttpServer server = start(transport)) {
      assertThat(server.transport()).isEqualTo(transport);

      String answers = exchange(server, request("ListKeys") + request("DescribeKey"));

      String[] parts = answers.split("HTTP/1.1 ", -1);
      assertThat(parts).hasSize(3);
      assertThat(parts[1]).startsWith("400 ").contains("UnsupportedOperationException")
          .contains("ListKeys is not supported");
      assertThat(parts[2]).startsWith("400 ").contains("UnsupportedOperationException")
          .contains("DescribeKey is not supported");
    }
  }

  @Test
  void autoTakesTheFirstAvailableOfIoUringEpollAndNio() throws Exception {
    Transport expected = Transport.IO_URING.isAvailable() ? Transport.IO_URING
        : Transport.EPOLL.isAvailable() ? Transport.EPOLL : Transport.NIO;
    assertThat(Transport.AUTO.resolve()).isEqualTo(expected);
    try (HttpServer server = start(Transport.AUTO)) {
      assertThat(server.transport()).isEqualTo(expected);
    }
  }

  @Test
  void autoSkipsWhatIsNotAvailableAndEndsAtNio() {
    assertThat(Transport.AUTO.resolve(t -> true)).isEqualTo(Transport.IO_URING);
    assertThat(Transport.AUTO.resolve(t -> t == Transport.EPOLL)).isEqualTo(Transport.EPOLL);
    assertThat(Transport.AUTO.resolve(t -> false)).isEqualTo(Transport.NIO);
    assertThat(Transport.NIO.resolve(t -> false)).isEqualTo(Transport.NIO);
  }

  @Test
  void aNamedTransportThatIsNotAvailableIsRefusedBeforeAnythingOpens() {
    for (Transport transport : new Transport[] {Transport.IO_URING, Transport.EPOLL}) {
      List<Transport> tried = new ArrayList<>();
      assertThatThrownBy(() -> transport.open(tried::add, t -> t != transport))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith("transport: " + transport.configName() + " is not available here");
      assertThat(tried).isEmpty();
    }
  }

  @Test
  void autoFallsBackWhenItsFirstChoiceCannotBeOpenedAndANamedOneDoesNot() {
    List<Transport> tried = new ArrayList<>();
    Transport opened = Transport.AUTO.open(t -> {
      tried.add(t);
      if (t == Transport.IO_URING) {
        throw new IllegalStateException("no rings for you");
      }
      return t;
    }, t -> true);
    assertThat(tried).containsExactly(Transport.IO_URING, Transport.EPOLL);
    assertThat(opened).isEqualTo(Transport.EPOLL);

    tried.clear();
    assertThatThrownBy(() -> Transport.IO_URING.open(t -> {
      tried.add(t);
      throw new IllegalStateException("no rings for you");
    }, t -> true)).hasMessage("no rings for you");
    assertThat(tried).containsExactly(Transport.IO_URING);
  }

  @Test
  void whenEveryTransportFailsTheFirstFailureIsThrownWithTheOthers() {
    IllegalStateException thrown = catchThrowableOfType(IllegalStateException.class,
        () -> Transport.AUTO.open(t -> {
          throw new IllegalStateException("cannot open " + t.configName());
        }, t -> true));
    assertThat(thrown).hasMessage("cannot open io_uring");
    assertThat(thrown.getSuppressed()).extracting(Throwable::getMessage).containsExactly("cannot open epoll",
        "cannot open nio");
  }

  @Test
  void namesAreTheConfigurationsAnyCase() {
    assertThat(Transport.parse("io_uring")).isEqualTo(Transport.IO_URING);
    assertThat(Transport.parse("EPOLL")).isEqualTo(Transport.EPOLL);
    assertThat(Transport.parse("Auto")).isEqualTo(Transport.AUTO);
    assertThatThrownBy(() -> Transport.parse("io-uring")).hasMessage(
        "transport: 'io-uring' is none of auto, io_uring, epoll, nio");
  }
}
