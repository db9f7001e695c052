package trent.junit;

import java.util.Arrays;
import trent.server.TrentConfig;
import trent.server.TrentServer;

/**
 * Measures how long an in-memory server takes to start in a JVM that already started one (what
 * the second and later test classes pay). Not a test: run it by hand, see the README.
 */
public final class StartTimeProbe {

  public static void main(String[] args) {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    long[] micros = new long[runs];
    for (int i = 0; i < runs; i++) {
      long start = System.nanoTime();
      TrentServer server = TrentServer.start(TrentConfig.builder().port(0).inMemory(true).build());
      micros[i] = (System.nanoTime() - start) / 1000;
      server.close();
    }
    long[] later = Arrays.copyOfRange(micros, 1, runs);
    Arrays.sort(later);
    System.out.printf("first start: %.1f ms; later starts (n=%d): median %.1f ms, max %.1f ms%n",
        micros[0] / 1000.0, later.length, later[later.length / 2] / 1000.0, later[later.length - 1] / 1000.0);
  }
}
