package trent.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.LoadingCache;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CachesTest {

  private final AtomicLong nanos = new AtomicLong();
  private final AtomicInteger loads = new AtomicInteger();
  private final List<Runnable> refreshes = new ArrayList<>();
  private final LoadingCache<String, String> cache = Caches.onCaller()
      .ticker(nanos::get)
      .refreshAfterWrite(Duration.ofSeconds(10))
      .build(Caches.loader((String k) -> k + loads.incrementAndGet(), refreshes::add));

  @Test
  void aMissIsLoadedOnTheCallingThread() {
    assertThat(cache.get("a")).isEqualTo("a1");
    assertThat(refreshes).isEmpty();
  }

  @Test
  void aRefreshRunsOnTheRefreshExecutorAndTheReaderKeepsTheOldValue() {
    assertThat(cache.get("a")).isEqualTo("a1");
    nanos.addAndGet(Duration.ofSeconds(11).toNanos());

    assertThat(cache.get("a")).as("the reader is not made to wait for the reload").isEqualTo("a1");
    assertThat(loads).as("nothing reloaded on the reader's thread").hasValue(1);
    assertThat(refreshes).hasSize(1);

    refreshes.get(0).run();
    assertThat(cache.get("a")).isEqualTo("a2");
  }
}
