package trent.domain.rewrap;

import java.util.ArrayList;
import java.util.List;
import trent.crypto.CryptoException;
import trent.crypto.keyring.Keyring;
import trent.storage.Storage;

/**
 * Rewraps every stored secret of the given kinds under the keyring's active term, one page per
 * write transaction, while other processes keep reading and writing the store.
 *
 * <p>Crash safety rests on two facts: the keyring keeps the old terms (a record is readable under
 * whichever term it names), and each record is replaced only if it still holds the bytes that were
 * rewrapped ({@link WrappedSecrets#replace}), in a transaction of its page. A walk that stops at
 * any point leaves every record either as it was or rewrapped, and running it again finishes the
 * work: records already under the active term are left alone.
 *
 * <p>The secrets are in the clear only inside {@link Keyring#rewrap}, one at a time.
 */
public final class SecretRewrap {

  /** Records per read and per write transaction. */
  public static final int PAGE = 200;

  /**
   * What a walk did.
   *
   * @param seen records looked at
   * @param rewrapped records rewrapped under the active term and stored
   * @param current records already under the active term
   * @param changed records rewrapped but not stored because they changed or went meanwhile
   * @param unreadable records that did not unwrap (position and kind); left as they were
   */
  public record Result(int seen, int rewrapped, int current, int changed, List<String> unreadable) {
    public Result {
      unreadable = List.copyOf(unreadable);
    }
  }

  private SecretRewrap() {}

  /**
   * Walks every kind. With {@code verify}, records already under the active term are unwrapped
   * too, so that {@code unreadable} covers every record.
   */
  public static Result run(Storage storage, Keyring keyring, List<WrappedSecrets> kinds, int pageSize,
      boolean verify) {
    int seen = 0;
    int rewrapped = 0;
    int current = 0;
    int changed = 0;
    List<String> unreadable = new ArrayList<>();
    for (WrappedSecrets kind : kinds) {
      String cursor = null;
      do {
        String from = cursor;
        WrappedSecrets.Page page = storage.read(tx -> kind.page(tx, from, pageSize));
        List<WrappedSecret> secrets = new ArrayList<>();
        List<byte[]> replacements = new ArrayList<>();
        for (WrappedSecret secret : page.secrets()) {
          seen++;
          try {
            if (Keyring.termOf(secret.wrapped()) == keyring.activeTerm()) {
              if (verify) {
                keyring.unwrap(secret.wrapped(), secret.associatedData()).close();
              }
              current++;
              continue;
            }
            replacements.add(keyring.rewrap(secret.wrapped(), secret.associatedData()));
            secrets.add(secret);
          } catch (CryptoException e) {
            unreadable.add(kind.name() + " " + secret.position());
          }
        }
        if (!secrets.isEmpty()) {
          int stored = storage.write(tx -> {
            int n = 0;
            for (int i = 0; i < secrets.size(); i++) {
              if (kind.replace(tx, secrets.get(i), replacements.get(i))) {
                n++;
              }
            }
            return n;
          });
          rewrapped += stored;
          changed += secrets.size() - stored;
        }
        cursor = page.next();
      } while (cursor != null);
    }
    return new Result(seen, rewrapped, current, changed, unreadable);
  }
}
