package trent.cli;

import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;
import trent.server.ConfigFile;
import trent.server.TrentConfig;

/** Which installation a tool command works on: a data dir and/or a configuration file, as for {@code serve}. */
final class StoreOptions {

  @Option(names = "--data-dir", description = "The installation's data dir (default: ./.trent-data).")
  Path dataDir;

  @Option(names = "--config", paramLabel = "FILE",
      description = "The installation's YAML configuration (storage, root of trust), as given to trent serve.")
  Path config;

  /** The installation's settings: the file (or the environment), then {@code --data-dir}. */
  TrentConfig settings() throws IOException {
    return settings(config, dataDir);
  }

  static TrentConfig settings(Path config, Path dataDir) throws IOException {
    // Nothing listens here, so the loopback rule of development mode does not apply.
    TrentConfig.Builder builder = TrentConfig.builder().insecureDevMode(true);
    (config != null ? ConfigFile.read(config) : ConfigFile.fromEnvironment(System.getenv())).applyTo(builder);
    if (dataDir != null) {
      builder.dataDir(dataDir);
    }
    return builder.build();
  }
}
