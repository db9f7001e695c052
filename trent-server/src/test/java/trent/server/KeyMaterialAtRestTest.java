package trent.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import trent.crypto.SecretBytes;
import trent.crypto.keyring.KeyFileRootOfTrust;
import trent.crypto.keyring.Keyring;
import trent.domain.Scope;
import trent.domain.key.KeyMaterials;
import trent.domain.key.KeySpec;
import trent.domain.key.KeyUsage;
import trent.domain.key.Keys;
import trent.domain.key.KmsKey;
import trent.domain.key.NewKey;
import trent.domain.key.Origin;
import trent.storage.KeyMaterialRecord;
import trent.storage.Transaction;
import trent.storage.sqlite.SqliteStorage;

/** Key material made through the real wiring never appears in the clear in the database files. */
class KeyMaterialAtRestTest {

  @Test
  void rawKeyMaterialNeverReachesTheDatabaseFiles(@TempDir Path dir) throws Exception {
    SecureRandom random = new SecureRandom();
    List<byte[]> secrets = new ArrayList<>();
    Scope scope = new Scope("111122223333", "us-east-1");
    try (SqliteStorage storage = SqliteStorage.open(dir.resolve("trent.db"));
        KeyFileRootOfTrust root = KeyFileRootOfTrust.openOrCreate(dir.resolve("root.key"), random);
        Keyring keyring = Keyring.openOrCreate(root, storage, Clock.systemUTC(), random)) {
      KeyMaterials materials = new KeyMaterials(keyring, random);
      Keys keys = new Keys(storage, materials, Clock.systemUTC(), trent.domain.key.KeyChangeListener.NONE);
      for (int i = 0; i < 20; i++) {
        KmsKey key = keys.create(scope, new NewKey("k" + i, KeySpec.SYMMETRIC_DEFAULT, KeyUsage.ENCRYPT_DECRYPT,
            Origin.AWS_KMS, "{}", Map.of(), false));
        List<KeyMaterialRecord> records = storage.read((Transaction tx) -> tx.keyMaterials().list(key.keyId()));
        assertThat(records).hasSize(1);
        try (SecretBytes material = materials.unwrap(key.arn(), records.get(0))) {
          secrets.add(material.revealCopy());
        }
      }
    }
    byte[] rootFile = Files.readAllBytes(dir.resolve("root.key"));
    String rootKeyHex = HexFormat.of().formatHex(rootFile, 13, 45);
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> dbFiles = files.filter(p -> p.getFileName().toString().startsWith("trent.db")).toList();
      assertThat(dbFiles).isNotEmpty();
      for (Path db : dbFiles) {
        String contents = HexFormat.of().formatHex(Files.readAllBytes(db));
        for (byte[] secret : secrets) {
          assertThat(secret).hasSize(32);
          assertThat(contents).as("material in %s", db).doesNotContain(HexFormat.of().formatHex(secret));
        }
        assertThat(contents).as("root key in %s", db).doesNotContain(rootKeyHex);
      }
    }
  }
}
