package trent.storage.sqlite;

import static trent.storage.ContractRecords.REGION;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import trent.storage.ContractRecords;
import trent.storage.KeyRecord;
import trent.storage.TagRecord;

/**
 * The child process of {@link SqliteCrashTest}: writes keys from several threads, forever, and
 * prints {@code ACK <keyId>} for each one only after its {@code write} returned. The parent kills
 * it with SIGKILL. As a safety net it exits by itself after two minutes.
 *
 * <p>Arguments: the database file, the number of writer threads.
 */
public final class CrashWriterMain {

  private CrashWriterMain() {}

  public static void main(String[] args) throws InterruptedException {
    Path databaseFile = Path.of(args[0]);
    int threads = Integer.parseInt(args[1]);
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    SqliteStorage storage = SqliteStorage.open(databaseFile);
    out.println("READY");
    List<Thread> writers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      Thread writer = new Thread(() -> {
        while (System.nanoTime() < deadline) {
          KeyRecord key = ContractRecords.key(ContractRecords.newKeyId());
          storage.write(tx -> {
            tx.keys().insert(key);
            tx.tags().put(new TagRecord(key.keyId(), REGION, "written-by", Thread.currentThread().getName()));
            return null;
          });
          synchronized (out) {
            out.println("ACK " + key.keyId());
          }
        }
      }, "crash-writer-" + t);
      writer.start();
      writers.add(writer);
    }
    for (Thread writer : writers) {
      writer.join();
    }
    storage.close();
  }
}
