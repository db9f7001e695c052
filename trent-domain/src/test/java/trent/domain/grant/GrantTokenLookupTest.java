package trent.domain.grant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import trent.domain.error.InvalidGrantTokenException;
import trent.domain.key.KeyChangeListener;
import trent.storage.ContractRecords;
import trent.storage.GrantRecord;
import trent.storage.Storage;
import trent.storage.memory.InMemoryStorage;

/** A grant token on the data plane is checked against the grant cache, not storage, once cached. */
class GrantTokenLookupTest {

  private static final String REGION = "us-east-1";
  private static final String WORKER = "arn:aws:iam::111122223333:role/worker";

  private final AtomicInteger reads = new AtomicInteger();
  private Grants grants;
  private String keyId;

  @BeforeEach
  void setUp() {
    InMemoryStorage memory = new InMemoryStorage();
    keyId = ContractRecords.newKeyId();
    memory.write(tx -> {
      tx.keys().insert(ContractRecords.key(keyId, "111122223333", REGION));
      tx.grants().insert(new GrantRecord("g1", keyId, REGION, null, ContractRecords.T0, WORKER, null,
          "111122223333", List.of("Decrypt"), GrantConstraints.NONE.encode(), "the-secret"));
      return null;
    });
    Storage counted = (Storage) Proxy.newProxyInstance(Storage.class.getClassLoader(), new Class<?>[] {Storage.class},
        (proxy, method, args) -> {
          if (method.getName().equals("read")) {
            reads.incrementAndGet();
          }
          try {
            return method.invoke(memory, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
    GrantCache cache = new GrantCache(counted, Duration.ofMinutes(1), Duration.ofMinutes(5), 100, Runnable::run);
    grants = new Grants(counted, cache, Clock.systemUTC(), new SecureRandom(), KeyChangeListener.NONE);
  }

  @Test
  void aCachedGrantIsFoundWithoutReadingStorage() {
    String token = GrantTokens.encode(keyId, "g1", "the-secret", "n1");
    assertThat(grants.fromToken(token, REGION).grantId()).isEqualTo("g1");
    int afterFirst = reads.get();

    for (int i = 0; i < 10; i++) {
      assertThat(grants.fromToken(token, REGION).grantId()).isEqualTo("g1");
    }
    assertThat(reads).as("no storage read once the key's grants are cached").hasValue(afterFirst);
  }

  @Test
  void aTokenWithAnotherSecretIsRefusedFromTheCacheToo() {
    grants.fromToken(GrantTokens.encode(keyId, "g1", "the-secret", "n1"), REGION);
    assertThatThrownBy(() -> grants.fromToken(GrantTokens.encode(keyId, "g1", "not-the-secret", "n1"), REGION))
        .isInstanceOf(InvalidGrantTokenException.class);
  }
}
