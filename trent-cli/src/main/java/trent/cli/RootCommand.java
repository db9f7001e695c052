package trent.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import trent.server.ConfigFile;
import trent.server.RootRotation;
import trent.server.TrentConfig;
import trent.storage.KeyringTermRecord;
import trent.storage.RootRotationRecord;

/** {@code trent root}: the root of trust of an installation (rotation, status). */
@Command(name = "root", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    description = "The root of trust that wraps an installation's keyring.",
    subcommands = {RootCommand.Rotate.class, RootCommand.Status.class})
final class RootCommand implements Runnable {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /**
   * {@code trent root rotate}: starts (or resumes) a rotation to a new root, then {@code --finish}
   * ends it; see docs/OPERATIONS.md, "Root rotation".
   */
  @Command(name = "rotate", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
      description = {
          "Rewrap the keyring and every stored secret under a new root of trust while nodes keep serving.",
          "1. trent root rotate --config current.yaml --new-...: both roots open the keyring from now on;"
              + " every secret is rewrapped under a new keyring term (run again to resume).",
          "2. Switch every node's configuration to the new root.",
          "3. trent root rotate --finish --config new.yaml: the old root no longer opens anything.",
          "trent root rotate --abort --config current.yaml drops the new root instead."})
  static final class Rotate implements Callable<Integer> {

    @Mixin
    StoreOptions store;

    @Option(names = "--finish",
        description = "End the rotation in progress; run with the new root's configuration (--config).")
    boolean finish;

    @Option(names = "--abort",
        description = "Abandon the rotation in progress; run with the old root's configuration (--config).")
    boolean abort;

    @Option(names = "--new-config", paramLabel = "FILE",
        description = "A YAML configuration whose rootOfTrust is the new root (e.g. the nodes' next configuration).")
    Path newConfig;

    @Option(names = "--new-key-file", paramLabel = "FILE",
        description = "New root: a root key file (rootOfTrust.keyFile.file); created when it does not exist.")
    Path newKeyFile;

    @Option(names = "--new-passphrase-file", paramLabel = "FILE",
        description = "New root: a passphrase root's parameters file (rootOfTrust.passphrase.file); created when it"
            + " does not exist. The passphrase comes from one of the next three options.")
    Path newPassphraseFile;

    @Option(names = "--new-passphrase-from-env", paramLabel = "VAR",
        description = "The new passphrase is in this environment variable (rootOfTrust.passphrase.fromEnv).")
    String newPassphraseFromEnv;

    @Option(names = "--new-passphrase-from-file", paramLabel = "FILE",
        description = "The new passphrase is in this file (rootOfTrust.passphrase.fromFile).")
    String newPassphraseFromFile;

    @Option(names = "--new-passphrase-prompt",
        description = "Ask for the new passphrase on the terminal (rootOfTrust.passphrase.prompt).")
    boolean newPassphrasePrompt;

    @Option(names = "--new-pkcs11-library", paramLabel = "FILE",
        description = "New root: a key in a PKCS#11 token, through this library (rootOfTrust.pkcs11.library).")
    String newPkcs11Library;

    @Option(names = "--new-pkcs11-token-label", paramLabel = "LABEL", description = "rootOfTrust.pkcs11.tokenLabel")
    String newPkcs11TokenLabel;

    @Option(names = "--new-pkcs11-key-label", paramLabel = "LABEL", description = "rootOfTrust.pkcs11.keyLabel")
    String newPkcs11KeyLabel;

    @Option(names = "--new-pkcs11-pin-env", paramLabel = "VAR",
        description = "The token's user PIN is in this environment variable (rootOfTrust.pkcs11.pinEnv).")
    String newPkcs11PinEnv;

    @Option(names = "--new-pkcs11-allow-key-creation", paramLabel = "true|false", arity = "1",
        description = "Generate the key on the token when it has none with the label (default: true).")
    Boolean newPkcs11AllowKeyCreation;

    @Override
    public Integer call() throws IOException, InterruptedException {
      TrentConfig config;
      TrentConfig next;
      try {
        config = store.settings();
        if (finish && abort) {
          throw new IllegalArgumentException("give --finish or --abort, not both");
        }
        next = finish || abort ? null : newRoot(config);
        if (next == null && newRootGiven() > 0) {
          throw new IllegalArgumentException((finish ? "--finish" : "--abort") + " takes no new root: it works with"
              + " the root of --config (for --finish the new root, for --abort the old one)");
        }
      } catch (IllegalArgumentException e) {
        System.err.println("trent: " + e.getMessage());
        return 2;
      }
      try {
        if (finish) {
          return finish(config);
        }
        if (abort) {
          return abort(config);
        }
        return start(config, next);
      } catch (IllegalArgumentException e) {
        System.err.println("trent: cannot rotate the root of trust: " + e.getMessage());
        return 1;
      }
    }

    private int start(TrentConfig config, TrentConfig next) {
      RootRotation.Started started = RootRotation.start(config, next);
      RootRotationRecord r = started.rotation();
      System.out.println("trent: " + (started.resumed() ? "resumed" : "started") + " the root rotation from root of"
          + " trust " + r.fromRootId() + " to " + r.toRootId() + "; new keyring term " + r.term());
      printRewrap(started.rewrap(), r.term());
      System.out.println("trent: both roots of trust open the keyring now. Switch every node's configuration to the"
          + " new root, then run: trent root rotate --finish --config <the new configuration>");
      return started.rewrap().unreadable().isEmpty() ? 0 : 1;
    }

    private int finish(TrentConfig config) throws InterruptedException {
      RootRotation.Finished finished = RootRotation.finish(config, java.util.List.copyOf(
          trent.domain.rewrap.WrappedSecretKinds.all()), d -> {
            System.out.println("trent: waiting " + Math.max(1, d.toSeconds()) + " s, until every running node has"
                + " loaded the rotation's keyring term (twice cache.refreshSeconds after the rotation started)");
            Thread.sleep(d.toMillis());
          });
      if (finished.rotation().isEmpty()) {
        System.out.println("trent: no root rotation is in progress; the keyring is wrapped by root of trust "
            + finished.rootId());
        return 0;
      }
      RootRotationRecord r = finished.rotation().get();
      printRewrap(finished.rewrap(), r.term());
      System.out.println("trent: finished the root rotation: the keyring is wrapped by root of trust " + r.toRootId()
          + " only; root of trust " + r.fromRootId() + " no longer opens it. Restart nodes still running with the old"
          + " root with the new configuration.");
      return 0;
    }

    private int abort(TrentConfig config) {
      var aborted = RootRotation.abort(config);
      if (aborted.isEmpty()) {
        System.out.println("trent: no root rotation is in progress");
        return 0;
      }
      System.out.println("trent: aborted the root rotation to root of trust " + aborted.get().toRootId()
          + "; the keyring is wrapped by root of trust " + aborted.get().fromRootId() + " only");
      return 0;
    }

    private static void printRewrap(trent.domain.rewrap.SecretRewrap.Result result, int term) {
      System.out.println("trent: " + result.seen() + " stored secret(s): " + result.rewrapped() + " rewrapped under"
          + " term " + term + ", " + result.current() + " already under it"
          + (result.changed() > 0 ? ", " + result.changed() + " changed meanwhile (run again)" : ""));
      result.unreadable().forEach(u -> System.err.println("trent: does not unwrap, left as it was: " + u));
    }

    private boolean passphraseGiven() {
      return newPassphraseFile != null || newPassphraseFromEnv != null || newPassphraseFromFile != null
          || newPassphrasePrompt;
    }

    private boolean pkcs11Given() {
      return newPkcs11Library != null || newPkcs11TokenLabel != null || newPkcs11KeyLabel != null
          || newPkcs11PinEnv != null || newPkcs11AllowKeyCreation != null;
    }

    /** How many kinds of new root the options name. */
    private int newRootGiven() {
      return (newConfig != null ? 1 : 0) + (newKeyFile != null ? 1 : 0) + (passphraseGiven() ? 1 : 0)
          + (pkcs11Given() ? 1 : 0);
    }

    /** The new root from the options: a configuration file, or one kind of root. */
    private TrentConfig newRoot(TrentConfig config) throws IOException {
      boolean passphrase = passphraseGiven();
      if (newRootGiven() != 1) {
        throw new IllegalArgumentException("give the new root of trust with exactly one of --new-config,"
            + " --new-key-file, --new-passphrase-file (and its passphrase) and --new-pkcs11-... (or --finish / --abort)");
      }
      if (newConfig != null) {
        TrentConfig nextConfig = StoreOptions.settings(newConfig, null);
        return TrentConfig.builder().dataDir(config.dataDir()).rootOfTrust(nextConfig.rootOfTrust()).build();
      }
      ConfigFile.RootEntry entry;
      if (newKeyFile != null) {
        entry = new ConfigFile.RootEntry(new ConfigFile.KeyFileEntry(newKeyFile.toString()), null, null);
      } else if (passphrase) {
        if (newPassphraseFile == null) {
          throw new IllegalArgumentException("--new-passphrase-file is required for a passphrase root (the new root"
              + " needs its own parameters file)");
        }
        entry = new ConfigFile.RootEntry(null, new ConfigFile.PassphraseEntry(newPassphraseFile.toString(),
            newPassphraseFromEnv, newPassphraseFromFile, newPassphrasePrompt ? Boolean.TRUE : null), null);
      } else {
        entry = new ConfigFile.RootEntry(null, null, new ConfigFile.Pkcs11Entry(newPkcs11Library, newPkcs11TokenLabel,
            null, newPkcs11PinEnv, newPkcs11KeyLabel, newPkcs11AllowKeyCreation));
      }
      try {
        return TrentConfig.builder().dataDir(config.dataDir()).rootOfTrust(ConfigFile.rootSettings(entry)).build();
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("the new root of trust: " + e.getMessage()
            .replace("rootOfTrust.passphrase: give exactly one of fromEnv, fromFile and prompt: true",
                "give the new passphrase with exactly one of --new-passphrase-from-env, --new-passphrase-from-file"
                    + " and --new-passphrase-prompt")
            .replace("rootOfTrust.pkcs11.", "--new-pkcs11-"), e);
      }
    }
  }

  /** {@code trent root status}: the keyring's terms, a rotation in progress, and where the secrets are. */
  @Command(name = "status", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
      description = "Show the keyring's terms and their roots of trust, a root rotation in progress, and how many"
          + " stored secrets each term wraps. Opens only the store, not the root.")
  static final class Status implements Callable<Integer> {

    @Mixin
    StoreOptions store;

    @Override
    public Integer call() throws IOException {
      RootRotation.Status status;
      try {
        status = RootRotation.status(store.settings(), trent.domain.rewrap.WrappedSecretKinds.all());
      } catch (IllegalArgumentException e) {
        System.err.println("trent: " + e.getMessage());
        return 1;
      }
      for (KeyringTermRecord t : status.terms()) {
        String incoming = status.incoming().stream().filter(i -> i.term() == t.term()).map(KeyringTermRecord::rootId)
            .map(id -> " and (incoming) " + id).collect(Collectors.joining());
        System.out.println("term " + t.term() + " (created " + t.createdAt() + "): wrapped by root of trust "
            + t.rootId() + incoming);
      }
      status.rotation().ifPresentOrElse(
          r -> System.out.println("root rotation in progress since " + r.startedAt() + ": from " + r.fromRootId()
              + " to " + r.toRootId() + ", term " + r.term()),
          () -> System.out.println("no root rotation in progress"));
      for (Map.Entry<String, Map<Integer, Integer>> kind : status.secretsByTerm().entrySet()) {
        System.out.println(kind.getKey() + ": " + (kind.getValue().isEmpty() ? "none" : kind.getValue().entrySet()
            .stream().map(e -> e.getValue() + " under term " + e.getKey()).collect(Collectors.joining(", "))));
      }
      return 0;
    }
  }
}
