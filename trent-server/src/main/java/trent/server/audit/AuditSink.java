package trent.server.audit;

import java.io.IOException;

/** Where serialised audit lines go. Used by the writer thread only. */
interface AuditSink extends AutoCloseable {

  /** Writes one line; {@code line} has no line break, the sink adds it. */
  void write(String line) throws IOException;

  /** Makes every line written so far visible to readers of the target. */
  void flush() throws IOException;

  @Override
  void close() throws IOException;
}
