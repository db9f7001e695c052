package trent.crypto.asymmetric;

import java.security.Provider;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The one BouncyCastle provider instance this package uses for what the JDK 17 lacks. It is passed
 * explicitly to {@code getInstance(..., provider)} and never registered with
 * {@link java.security.Security}, so no other code in the JVM starts using BouncyCastle by accident
 * and lookups by name keep resolving to the JDK's providers.
 */
final class Providers {
  static final Provider BC = new BouncyCastleProvider();

  private Providers() {}
}
