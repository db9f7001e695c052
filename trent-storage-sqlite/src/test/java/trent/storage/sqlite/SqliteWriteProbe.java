package trent.storage.sqlite;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import trent.storage.ContractRecords;
import trent.storage.KeyRecord;

/**
 * Measures acknowledged single-row inserts per second, by hand; not a test. Each insert is one
 * {@code write} of one key, acknowledged only after its commit was fsynced.
 *
 * <p>Arguments (optional): directory for the database files (default: a new temp directory),
 * writes per thread (default 2000), thread counts (default 1 16). Run it from the repository root:
 *
 * <pre>{@code
 * ./mvnw -q -pl trent-storage-sqlite -am test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=target/test.classpath -Dmdep.includeScope=test
 * java -cp trent-storage-sqlite/target/test-classes:trent-storage-sqlite/target/classes:\
 * trent-storage-api/target/classes:trent-storage-api/target/test-classes:$(cat trent-storage-sqlite/target/test.classpath) \
 *     trent.storage.sqlite.SqliteWriteProbe trent-storage-sqlite/target 3000 1 16
 * }</pre>
 */
public final class SqliteWriteProbe {

  private SqliteWriteProbe() {}

  public static void main(String[] args) throws Exception {
    Path directory = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("trent-probe");
    int perThread = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
    List<Integer> threadCounts = new ArrayList<>();
    for (int i = 2; i < args.length; i++) {
      threadCounts.add(Integer.parseInt(args[i]));
    }
    if (threadCounts.isEmpty()) {
      threadCounts = List.of(1, 16);
    }
    System.out.println("database directory: " + directory);
    for (int threads : threadCounts) {
      Path file = directory.resolve("probe-" + threads + "-" + System.nanoTime() + ".db");
      try (SqliteStorage storage = SqliteStorage.open(file)) {
        run(storage, threads, 100); // warm up the JIT and the file
        long started = System.nanoTime();
        run(storage, threads, perThread);
        double seconds = (System.nanoTime() - started) / 1e9;
        long writes = (long) threads * perThread;
        System.out.printf("%2d thread(s): %,d acknowledged inserts in %.2f s = %,.0f inserts/s%n",
            threads, writes, seconds, writes / seconds);
      }
    }
  }

  private static void run(SqliteStorage storage, int threads, int perThread) throws InterruptedException {
    CountDownLatch done = new CountDownLatch(threads);
    for (int t = 0; t < threads; t++) {
      new Thread(() -> {
        for (int i = 0; i < perThread; i++) {
          KeyRecord key = ContractRecords.key(ContractRecords.newKeyId());
          storage.write(tx -> {
            tx.keys().insert(key);
            return null;
          });
        }
        done.countDown();
      }).start();
    }
    done.await();
  }
}
