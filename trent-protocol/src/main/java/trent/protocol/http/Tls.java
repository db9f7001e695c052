package trent.protocol.http;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.net.ssl.SSLException;

/**
 * TLS settings of the main listener: a server certificate chain and its private key, both PEM
 * files, served with the JDK's TLS implementation, TLS 1.3 and 1.2 only.
 *
 * <p>The private key must be unencrypted PKCS#8 ({@code -----BEGIN PRIVATE KEY-----}, RSA or EC);
 * a file that cannot be read or parsed stops the start with a message naming the setting.
 */
public final class Tls {

  static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

  private final SslContext context;

  private Tls(SslContext context) {
    this.context = context;
  }

  /** Reads {@code certificateChain} (server certificate first) and {@code privateKey}. */
  public static Tls fromPem(Path certificateChain, Path privateKey) {
    requireReadable(certificateChain, "tls.certificate");
    requireReadable(privateKey, "tls.privateKey");
    try {
      return new Tls(SslContextBuilder.forServer(certificateChain.toFile(), privateKey.toFile())
          .sslProvider(SslProvider.JDK)
          .protocols(PROTOCOLS)
          .build());
    } catch (SSLException | IllegalArgumentException e) {
      throw new IllegalArgumentException("tls.certificate / tls.privateKey: cannot use " + certificateChain + " and "
          + privateKey + " (PEM certificate chain and unencrypted PKCS#8 private key expected): " + e.getMessage(), e);
    }
  }

  private static void requireReadable(Path file, String setting) {
    if (!Files.isReadable(file)) {
      throw new IllegalArgumentException(setting + ": cannot read " + file);
    }
  }

  SslContext context() {
    return context;
  }
}
