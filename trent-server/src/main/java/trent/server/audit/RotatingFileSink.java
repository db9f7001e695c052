package trent.server.audit;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Appends lines to a file and rotates it by size: when the file passes {@code maxBytes} it is
 * renamed {@code FILE.1} (an older {@code FILE.1} becomes {@code FILE.2}, and so on, the oldest
 * beyond {@code keep} deleted) and a new {@code FILE} is started. Lines are never split across
 * files. Trent must be the only writer of the file; no external rotation is needed.
 */
final class RotatingFileSink implements AuditSink {

  static final long DEFAULT_MAX_BYTES = 100L * 1024 * 1024;
  static final int DEFAULT_KEEP = 10;

  private final Path file;
  private final long maxBytes;
  private final int keep;
  private Writer out;
  private long size;

  RotatingFileSink(Path file, long maxBytes, int keep) throws IOException {
    if (keep < 1) {
      throw new IllegalArgumentException("keep must be at least 1");
    }
    this.file = file;
    this.maxBytes = maxBytes;
    this.keep = keep;
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    open();
  }

  private void open() throws IOException {
    out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file, StandardOpenOption.CREATE,
        StandardOpenOption.APPEND, StandardOpenOption.WRITE), StandardCharsets.UTF_8), 64 * 1024);
    size = Files.size(file);
  }

  @Override
  public void write(String line) throws IOException {
    if (size > 0 && size >= maxBytes) {
      rotate();
    }
    out.write(line);
    out.write('\n');
    // Lines are almost always ASCII; counting chars keeps this cheap and is close enough for a size bound.
    size += line.length() + 1;
  }

  private void rotate() throws IOException {
    out.close();
    Files.deleteIfExists(numbered(keep));
    for (int i = keep - 1; i >= 1; i--) {
      if (Files.exists(numbered(i))) {
        Files.move(numbered(i), numbered(i + 1), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    Files.move(file, numbered(1), StandardCopyOption.REPLACE_EXISTING);
    open();
  }

  private Path numbered(int n) {
    return file.resolveSibling(file.getFileName() + "." + n);
  }

  @Override
  public void flush() throws IOException {
    out.flush();
  }

  @Override
  public void close() throws IOException {
    out.close();
  }
}
