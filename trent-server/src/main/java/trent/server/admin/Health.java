package trent.server.admin;

import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import trent.storage.Storage;
import trent.storage.Transaction;

/**
 * Readiness: the store answers a trivial read (a lookup of a key that does not exist) and the
 * root of trust's keyring is unwrapped in memory. A failing check is reported by name; its cause
 * goes to the log only.
 */
public final class Health {

  /** The outcome of one readiness check: each part, and whether all passed. */
  public record Readiness(boolean storage, boolean root) {
    public boolean ready() {
      return storage && root;
    }

    String json() {
      return "{\"status\":\"" + up(ready()) + "\",\"checks\":{\"storage\":\"" + up(storage) + "\",\"rootOfTrust\":\""
          + up(root) + "\"}}";
    }

    private static String up(boolean ok) {
      return ok ? "UP" : "DOWN";
    }
  }

  private static final Logger LOG = LoggerFactory.getLogger(Health.class);
  private static final String PROBE_KEY_ID = "00000000-0000-0000-0000-000000000000";

  private final Storage storage;
  private final BooleanSupplier rootUnwrapped;

  public Health(Storage storage, BooleanSupplier rootUnwrapped) {
    this.storage = storage;
    this.rootUnwrapped = rootUnwrapped;
  }

  public Readiness readiness() {
    boolean storageOk;
    try {
      storage.read((Transaction tx) -> tx.keys().find(PROBE_KEY_ID, "us-east-1"));
      storageOk = true;
    } catch (RuntimeException e) {
      LOG.warn("readiness: the store did not answer a read", e);
      storageOk = false;
    }
    return new Readiness(storageOk, rootUnwrapped.getAsBoolean());
  }
}
