package trent.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Regression: every checked-in seed of every target (including inputs that once were findings)
 * runs in this JVM and ends with a modeled outcome, each within a bounded time.
 */
class SeedCorpusTest {

  @ParameterizedTest
  @EnumSource(FuzzTarget.class)
  void everySeedEndsWithAModeledOutcome(FuzzTarget target) throws IOException {
    List<Path> seeds;
    try (Stream<Path> files = Files.list(target.corpus())) {
      seeds = files.filter(Files::isRegularFile).sorted().toList();
    }
    assertThat(seeds).as("seed corpus of %s", target.id()).isNotEmpty();
    for (Path seed : seeds) {
      byte[] input = Files.readAllBytes(seed);
      assertTimeoutPreemptively(Duration.ofSeconds(5), () -> target.run(input), () -> "hang on " + seed);
    }
  }
}
