package trent.domain.usage;

/**
 * Told by a data-plane operation, after it succeeded, that it used a key. Called on the request's
 * thread, possibly an I/O thread: an implementation must not block or touch the disk.
 */
@FunctionalInterface
public interface KeyUseListener {

  KeyUseListener NONE = (keyId, operation, requestId) -> {};

  void used(String keyId, UsageOperation operation, String requestId);
}
