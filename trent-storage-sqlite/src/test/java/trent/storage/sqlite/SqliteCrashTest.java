package trent.storage.sqlite;

import static trent.storage.ContractRecords.REGION;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import trent.storage.KeyRecord;
import trent.storage.TagRecord;

/**
 * Kills a writing process with SIGKILL and checks that every write it acknowledged is stored.
 * The child ({@link CrashWriterMain}) prints a key id only after {@code write} returned, so any
 * id the parent read must survive, together with everything else written in the same unit.
 */
class SqliteCrashTest {

  private static final int ACKNOWLEDGEMENTS_BEFORE_KILL = 400;
  private static final long WAIT_SECONDS = 120;
  private static final String EOF = "\u0000EOF";

  @TempDir
  Path directory;

  @Test
  void everyAcknowledgedWriteSurvivesSigkill() throws Exception {
    Path databaseFile = directory.resolve("crash/trent.db");
    Path childErrors = directory.resolve("child-stderr.txt");
    Process child = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"),
        CrashWriterMain.class.getName(), databaseFile.toString(), "8")
        .redirectError(childErrors.toFile())
        .start();
    List<String> acknowledged = new ArrayList<>();
    try {
      BlockingQueue<String> lines = readLinesInBackground(child);
      assertThat(nextLine(lines, childErrors)).isEqualTo("READY");
      while (acknowledged.size() < ACKNOWLEDGEMENTS_BEFORE_KILL) {
        acknowledged.add(acknowledgedKeyId(nextLine(lines, childErrors)));
      }

      child.destroyForcibly(); // SIGKILL on Linux and macOS: no shutdown hook, no close()
      assertThat(child.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)).as("child ended").isTrue();
      // Acknowledgements already in the pipe when the child died count too.
      for (String line = nextLine(lines, childErrors); !line.equals(EOF); line = nextLine(lines, childErrors)) {
        acknowledged.add(acknowledgedKeyId(line));
      }
    } finally {
      child.destroyForcibly();
    }

    assertThat(integrityCheck(databaseFile)).isEqualTo("ok");
    try (SqliteStorage storage = SqliteStorage.open(databaseFile)) {
      List<String> missing = storage.read(tx -> {
        List<String> lost = new ArrayList<>();
        for (String keyId : acknowledged) {
          boolean keyStored = tx.keys().find(keyId, REGION).map(KeyRecord::keyId).isPresent();
          List<TagRecord> tags = tx.tags().list(keyId, REGION);
          if (!keyStored || tags.size() != 1) {
            lost.add(keyId);
          }
        }
        return lost;
      });
      assertThat(missing).as("acknowledged but lost, of %d acknowledged", acknowledged.size()).isEmpty();
    }
  }

  private static String acknowledgedKeyId(String line) {
    assertThat(line).startsWith("ACK ");
    return line.substring("ACK ".length());
  }

  private static BlockingQueue<String> readLinesInBackground(Process child) {
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(
          new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          lines.add(line);
        }
      } catch (IOException e) {
        // the pipe broke with the child; what was read is what counts
      } finally {
        lines.add(EOF);
      }
    }, "crash-child-stdout");
    reader.setDaemon(true);
    reader.start();
    return lines;
  }

  private static String nextLine(BlockingQueue<String> lines, Path childErrors) throws Exception {
    String line = lines.poll(WAIT_SECONDS, TimeUnit.SECONDS);
    if (line == null) {
      throw new AssertionError("no output from the child within " + WAIT_SECONDS + " s; its stderr:\n"
          + Files.readString(childErrors));
    }
    return line;
  }

  private static String integrityCheck(Path databaseFile) throws Exception {
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + databaseFile);
        Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("PRAGMA integrity_check")) {
      rs.next();
      return rs.getString(1);
    }
  }
}
