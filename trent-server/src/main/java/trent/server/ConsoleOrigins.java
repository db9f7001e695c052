package trent.server;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The web origins of the console, the only ones allowed to call the KMS API from a browser (CORS).
 *
 * <p>The console is served by the admin listener over plain HTTP, so its origin is
 * {@code http://HOST:ADMIN_PORT} for each name the admin listener is reached by:
 * <ul>
 *   <li>listening on a loopback address: {@code 127.0.0.1}, {@code localhost} and {@code [::1]};
 *   <li>listening on one address: that address (and, for a host name, that name);
 *   <li>listening on every address ({@code 0.0.0.0}, {@code ::}): the loopback names and this
 *       machine's host name.
 * </ul>
 * {@code admin.consoleOrigin} adds one more (a proxy's name, for instance).
 */
final class ConsoleOrigins {

  private ConsoleOrigins() {}

  static Set<String> of(String host, int adminPort, String configured) {
    Set<String> origins = new LinkedHashSet<>();
    String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    boolean any = h.equals("0.0.0.0") || h.equals("::") || h.equals("0:0:0:0:0:0:0:0");
    boolean loopback = h.equals("localhost") || h.startsWith("127.") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1");
    if (any || loopback) {
      origins.add(origin("127.0.0.1", adminPort));
      origins.add(origin("localhost", adminPort));
      origins.add(origin("::1", adminPort));
    }
    if (any) {
      try {
        origins.add(origin(InetAddress.getLocalHost().getHostName(), adminPort));
      } catch (UnknownHostException e) {
        // no host name: the loopback names and admin.consoleOrigin remain
      }
    } else {
      origins.add(origin(h, adminPort));
    }
    if (configured != null) {
      origins.add(configured);
    }
    return Set.copyOf(origins);
  }

  private static String origin(String host, int port) {
    return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
  }
}
