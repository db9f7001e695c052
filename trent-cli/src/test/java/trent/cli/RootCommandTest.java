package trent.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static trent.cli.BackupCommandsTest.trent;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import trent.cli.BackupCommandsTest.Run;

/**
 * {@code trent root rotate} and {@code trent root status} on a SQLite data dir seeded with a key of
 * known material: the options, the refusals and their exit codes, and {@code trent serve}'s
 * refusal of the retired root. The seed is applied again under the new root at the end: a seed
 * with the same id but other material stops the start, so this proves the material survived.
 */
class RootCommandTest {

  @Test
  void rotatesToAPassphraseAndServeThenRefusesTheOldRootByName(@TempDir Path dir) throws Exception {
    Path data = dir.resolve("data");
    BackupCommandsTest.startSeeded(data);
    Path passphrase = Files.writeString(dir.resolve("passphrase.txt"), "correct horse battery staple\n");
    Path params = dir.resolve("root.pass");

    Run none = trent("root", "rotate", "--data-dir", data.toString());
    assertThat(none.status()).isEqualTo(2);
    assertThat(none.err()).contains("give the new root of trust with exactly one of --new-config, --new-key-file");
    Run noSource = trent("root", "rotate", "--data-dir", data.toString(), "--new-passphrase-file", params.toString());
    assertThat(noSource.status()).isEqualTo(2);
    assertThat(noSource.err()).contains("--new-passphrase-from-env, --new-passphrase-from-file");
    Run notRotating = trent("root", "rotate", "--finish", "--data-dir", data.toString());
    assertThat(notRotating.status()).as(notRotating.err()).isZero();
    assertThat(notRotating.out()).contains("no root rotation is in progress");

    Run started = trent("root", "rotate", "--data-dir", data.toString(), "--new-passphrase-file", params.toString(),
        "--new-passphrase-from-file", passphrase.toString());
    assertThat(started.status()).as(started.err()).isZero();
    assertThat(started.out()).contains("started the root rotation", "1 stored secret(s): 1 rewrapped under term 2");
    assertThat(params).exists();
    Run status = trent("root", "status", "--data-dir", data.toString());
    assertThat(status.out()).contains("root rotation in progress", "and (incoming) passphrase",
        "key material versions: 1 under term 2");

    Run wrongFinish = trent("root", "rotate", "--finish", "--data-dir", data.toString());
    assertThat(wrongFinish.status()).isEqualTo(1);
    assertThat(wrongFinish.err()).contains("cannot rotate the root of trust", "is the one it retires");

    Path newConfig = Files.writeString(dir.resolve("new.yaml"), "dataDir: " + data + "\ncache: { refreshSeconds: 1 }\n"
        + "rootOfTrust:\n  passphrase: { file: " + params + ", fromFile: " + passphrase + " }\n");
    Run finished = trent("root", "rotate", "--finish", "--config", newConfig.toString());
    assertThat(finished.status()).as(finished.err()).isZero();
    assertThat(finished.out()).contains("finished the root rotation", "no longer opens it");

    Run oldServe = trent("serve", "--data-dir", data.toString(), "--port", "0", "--exit-when-ready");
    assertThat(oldServe.status()).isEqualTo(1);
    assertThat(oldServe.err()).contains("cannot start: keyring term 1 was wrapped by root of trust passphrase",
        "but this server's root of trust is keyfile:", "retired by a root rotation (trent root rotate)");

    Path seed = Files.writeString(dir.resolve("seed.yaml"), BackupCommandsTest.SEED);
    Run newServe = trent("serve", "--config", newConfig.toString(), "--port", "0", "--seed", seed.toString(),
        "--exit-when-ready");
    assertThat(newServe.status()).as(newServe.err()).isZero();
  }
}
