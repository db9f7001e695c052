package trent.server;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import trent.crypto.CryptoException;
import trent.crypto.SecretBytes;
import trent.crypto.ThreadLocalSecureRandom;
import trent.crypto.keyring.Keyring;
import trent.crypto.keyring.RootOfTrust;
import trent.domain.key.KeyMaterials;
import trent.domain.key.KmsKey;
import trent.domain.customkeystore.CustomKeyStores;
import trent.storage.AliasRecord;
import trent.storage.CustomKeyStoreRecord;
import trent.storage.GrantRecord;
import trent.storage.ImportParametersRecord;
import trent.storage.ImportedMaterialRecord;
import trent.storage.KeyMaterialRecord;
import trent.storage.KeyMaterialRotationRecord;
import trent.storage.KeyRecord;
import trent.storage.KeyRotationRecord;
import trent.storage.KeyringTermRecord;
import trent.storage.Storage;
import trent.storage.TagRecord;
import trent.storage.Transaction;

/**
 * Backups of an installation as one versioned JSON document ({@code trent export} /
 * {@code trent import}): the keyring's terms, every key with its wrapped material, tags, grants,
 * rotation settings and rotation history, what is known of its imported material (import state,
 * expiration, wrapped digest) and its import parameters (wrapping private keys, wrapped), every
 * alias, and every custom key store with its wrapped secret. A backup without the lists of
 * imported material, stores or rotations (written before they existed) reads as having none.
 *
 * <p>Guarantees: key material leaves the store only as it is stored, wrapped under the keyring,
 * whose terms are themselves wrapped by the root of trust; the document holds nothing in the clear
 * that the database does not. A backup is therefore useless without its root of trust (the root
 * key file, the passphrase and its parameters file, or the HSM key), like the database itself.
 * Grant token secrets are in it as they are in the database: protect the file like the database.
 *
 * <p>An import goes only into an empty store (no keyring, no keys), in one transaction, after
 * every key's material was checked to unwrap under the target's root: it either completes or
 * leaves the store empty. When the target's root of trust is another one, the source's root is
 * needed too: the keyring's terms are rewrapped from it to the target's (the key material itself
 * stays as it is, wrapped under the terms).
 */
public final class Backup {

  /** The document's {@code format}. */
  public static final String FORMAT = "trent-backup";

  /** The document's {@code version}: what this build writes and the only one it reads. */
  public static final int VERSION = 1;

  private static final int PAGE = 500;

  record Document(String format, int version, String exportedAt, List<Term> keyring, List<Key> keys,
      List<Alias> aliases, List<Store> customKeyStores,
      @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
      RootRotation rootRotation) {}

  /** A custom key store; its secret stays wrapped as stored. Absent from backups of older builds. */
  record Store(String customKeyStoreId, String account, String region, String name, String type,
      String cloudHsmClusterId, String trustAnchorCertificate, String xksProxyConnectivity, String xksProxyUriEndpoint,
      String xksProxyUriPath, String xksProxyVpcEndpointServiceName, String xksProxyVpcEndpointServiceOwner,
      String xksProxyAccessKeyId, byte[] wrappedSecret, String connectionState, String connectionErrorCode,
      String creationDate) {}

  record Term(int term, String rootId, byte[] wrappedKey, String createdAt) {}

  /**
   * A root rotation in progress when the backup was taken: its roots and the incoming root's
   * wrapping of each term. Absent otherwise. An import uses the wrappings that fit the target's
   * root and leaves no rotation behind.
   */
  record RootRotation(String fromRootId, String toRootId, int term, String startedAt, List<Term> incoming) {}

  record Key(String keyId, String account, String region, String description, String keySpec, String keyUsage,
      String origin, String keyState, String creationDate, String deletionDate, Integer pendingWindowInDays,
      boolean multiRegion, String policy, String currentMaterialId, List<Material> materials,
      Map<String, String> tags, List<Grant> grants, String customKeyStoreId, String xksKeyId,
      List<ImportedMaterial> importedMaterials, List<ImportParameters> importParameters, String primaryRegion,
      @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
      Rotation rotation,
      List<RotationEntry> rotations) {}

  /**
   * A key's rotation settings (absent for a key that never had any). Shared by the copies of a
   * multi-Region key, carried by the first copy, like its material.
   */
  record Rotation(boolean automaticRotationEnabled, int rotationPeriodInDays, String nextRotationDate,
      int onDemandRotations) {}

  /** One completed rotation, as ListKeyRotations shows it. */
  record RotationEntry(String materialId, String rotationType, String rotationDate) {}

  record ImportedMaterial(String materialId, String importState, String expirationModel, String validTo,
      String description, byte[] wrappedDigest, boolean pendingRotation, String importedAt) {}

  record ImportParameters(String parametersId, String wrappingAlgorithm, String wrappingKeySpec,
      byte[] wrappedPrivateKey, String tokenSecretDigest, String validTo, String createdAt) {}

  record Material(String materialId, byte[] wrappedMaterial, String createdAt) {}

  record Grant(String grantId, String name, String creationDate, String granteePrincipal, String retiringPrincipal,
      String issuingAccount, List<String> operations, String constraints, String tokenSecret) {}

  record Alias(String account, String region, String aliasName, String targetKeyId, String creationDate,
      String lastUpdatedDate) {}

  /** What an export or import moved. */
  public record Summary(int terms, int keys, int aliases, int grants) {}

  private Backup() {}

  private static ObjectMapper json() {
    return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  }

  /**
   * Writes the backup of the store {@code config} names to {@code out}, from one consistent
   * snapshot. Only the store is opened, not the root of trust: a running server may stay up.
   *
   * @throws IllegalArgumentException when there is no store there (an export never creates one)
   */
  public static Summary export(TrentConfig config, OutputStream out) throws IOException {
    requireExistingStore(config);
    Document document;
    try (Storage storage = TrentServer.openStorage(config)) {
      document = storage.read(tx -> snapshot(tx, config.clock().instant()));
    }
    json().writeValue(out, document);
    return new Summary(document.keyring().size(), document.keys().size(), document.aliases().size(),
        document.keys().stream().mapToInt(k -> k.grants().size()).sum());
  }

  private static Document snapshot(Transaction tx, Instant now) {
    List<Term> terms = terms(tx.keyring().list());
    RootRotation rotation = tx.keyring().rootRotation()
        .map(r -> new RootRotation(r.fromRootId(), r.toRootId(), r.term(), r.startedAt().toString(),
            terms(tx.keyring().listIncoming())))
        .orElse(null);
    List<Key> keys = new ArrayList<>();
    List<Alias> aliases = new ArrayList<>();
    String after = null;
    String afterRegion = null;
    List<KeyRecord> page;
    do {
      page = tx.keys().listAll(after, afterRegion, PAGE);
      for (KeyRecord k : page) {
        // The copies of a multi-Region key share their material: it travels with the first copy.
        keys.add(key(tx, k, !k.keyId().equals(after)));
        String afterAlias = null;
        List<AliasRecord> aliasPage;
        do {
          aliasPage = tx.aliases().list(k.account(), k.region(), k.keyId(), afterAlias, PAGE);
          aliasPage.forEach(a -> aliases.add(new Alias(a.account(), a.region(), a.aliasName(), a.targetKeyId(),
              a.creationDate().toString(), a.lastUpdatedDate().toString())));
          afterAlias = aliasPage.isEmpty() ? null : aliasPage.get(aliasPage.size() - 1).aliasName();
        } while (aliasPage.size() == PAGE);
        after = k.keyId();
        afterRegion = k.region();
      }
    } while (page.size() == PAGE);
    List<Store> stores = new ArrayList<>();
    String afterStore = null;
    List<CustomKeyStoreRecord> storePage;
    do {
      storePage = tx.customKeyStores().listAll(afterStore, PAGE);
      storePage.forEach(s -> stores.add(new Store(s.customKeyStoreId(), s.account(), s.region(), s.name(), s.type(),
          s.cloudHsmClusterId(), s.trustAnchorCertificate(), s.xksProxyConnectivity(), s.xksProxyUriEndpoint(),
          s.xksProxyUriPath(), s.xksProxyVpcEndpointServiceName(), s.xksProxyVpcEndpointServiceOwner(),
          s.xksProxyAccessKeyId(), s.wrappedSecret(), s.connectionState(), s.connectionErrorCode(),
          s.creationDate().toString())));
      afterStore = storePage.isEmpty() ? null : storePage.get(storePage.size() - 1).customKeyStoreId();
    } while (storePage.size() == PAGE);
    return new Document(FORMAT, VERSION, now.toString(), terms, keys, aliases, stores, rotation);
  }

  private static List<Term> terms(List<KeyringTermRecord> records) {
    return records.stream().map(t -> new Term(t.term(), t.rootId(), t.wrappedKey(), t.createdAt().toString()))
        .toList();
  }

  private static List<KeyringTermRecord> records(List<Term> terms) {
    return terms.stream()
        .map(t -> new KeyringTermRecord(t.term(), t.rootId(), t.wrappedKey(), Instant.parse(t.createdAt())))
        .toList();
  }

  /**
   * One key, or one copy of a multi-Region key; {@code withShared} adds what the copies share
   * (material, imported material, import parameters), which the first copy of a key id carries.
   */
  private static Key key(Transaction tx, KeyRecord k, boolean withShared) {
    List<Material> materials = !withShared ? List.of() : tx.keyMaterials().list(k.keyId()).stream()
        .map(m -> new Material(m.materialId(), m.wrappedMaterial(), m.createdAt().toString())).toList();
    Map<String, String> tags = new LinkedHashMap<>();
    tx.tags().list(k.keyId(), k.region()).forEach(t -> tags.put(t.tagKey(), t.tagValue()));
    List<Grant> grants = new ArrayList<>();
    String after = null;
    List<GrantRecord> page;
    do {
      page = tx.grants().listByKey(k.keyId(), k.region(), after, PAGE);
      page.forEach(g -> grants.add(new Grant(g.grantId(), g.name(), g.creationDate().toString(), g.granteePrincipal(),
          g.retiringPrincipal(), g.issuingAccount(), g.operations(), g.constraints(), g.tokenSecret())));
      after = page.isEmpty() ? null : page.get(page.size() - 1).grantId();
    } while (page.size() == PAGE);
    List<ImportedMaterial> imported = !withShared ? List.of() : tx.imports().listMaterials(k.keyId()).stream()
        .map(m -> new ImportedMaterial(m.materialId(), m.importState(), m.expirationModel(), string(m.validTo()),
            m.description(), m.wrappedDigest(), m.pendingRotation(), m.importedAt().toString())).toList();
    List<ImportParameters> parameters = !withShared ? List.of() : tx.imports().listParameters(k.keyId()).stream()
        .map(p -> new ImportParameters(p.parametersId(), p.wrappingAlgorithm(), p.wrappingKeySpec(),
            p.wrappedPrivateKey(), p.tokenSecretDigest(), p.validTo().toString(), p.createdAt().toString())).toList();
    Rotation rotation = !withShared ? null : tx.rotations().find(k.keyId())
        .map(r -> new Rotation(r.automaticRotationEnabled(), r.rotationPeriodInDays(), string(r.nextRotationDate()),
            r.onDemandRotations()))
        .orElse(null);
    List<RotationEntry> rotations = !withShared ? List.of() : tx.rotations().listRotations(k.keyId()).stream()
        .map(r -> new RotationEntry(r.materialId(), r.rotationType(), r.rotationDate().toString())).toList();
    return new Key(k.keyId(), k.account(), k.region(), k.description(), k.keySpec(), k.keyUsage(), k.origin(),
        k.keyState(), k.creationDate().toString(), string(k.deletionDate()), k.pendingWindowInDays(), k.multiRegion(),
        k.policy(), k.currentMaterialId(), materials, tags, grants, k.customKeyStoreId(), k.xksKeyId(), imported,
        parameters, k.primaryRegion(), rotation, rotations);
  }

  /**
   * Imports a backup into the empty store of {@code config}, under its root of trust (created,
   * as at a first start, when the data dir has none).
   *
   * @param rewrapFrom the source installation's settings (its root of trust) when its root is not
   *     the target's; null when both use the same root
   * @throws IllegalArgumentException when the document is not a backup this build reads, the
   *     store is not empty, or the roots do not fit; nothing was written then
   */
  public static Summary importInto(TrentConfig config, InputStream in, TrentConfig rewrapFrom) throws IOException {
    Document document = read(in);
    SecureRandom random = ThreadLocalSecureRandom.create();
    try (Storage storage = TrentServer.openStorage(config)) {
      boolean empty = storage.read(tx -> tx.keyring().list().isEmpty() && tx.keys().listAll(null, null, 1).isEmpty());
      if (!empty) {
        throw new IllegalArgumentException("the target store is not empty: import only into a new data dir"
            + " (or an empty PostgreSQL database or schema)");
      }
      List<KeyringTermRecord> terms = records(document.keyring());
      List<KeyringTermRecord> incoming = document.rootRotation() == null || document.rootRotation().incoming() == null
          ? List.of() : records(document.rootRotation().incoming());
      try (RootOfTrust target = TrentServer.openRoot(config, random)) {
        List<KeyringTermRecord> usable = forTarget(terms, incoming, target, rewrapFrom, random);
        List<KeyRecord> keys = new ArrayList<>();
        List<KeyMaterialRecord> materials = new ArrayList<>();
        List<CustomKeyStoreRecord> stores = new ArrayList<>();
        List<ImportedMaterialRecord> imported = new ArrayList<>();
        List<ImportParametersRecord> parameters = new ArrayList<>();
        verify(document, usable, target, random, keys, materials, stores, imported, parameters);
        storage.write(tx -> {
          usable.forEach(tx.keyring()::insert);
          stores.forEach(tx.customKeyStores()::insert);
          keys.forEach(tx.keys()::insert);
          materials.forEach(tx.keyMaterials()::insert);
          imported.forEach(tx.imports()::insertMaterial);
          parameters.forEach(tx.imports()::insertParameters);
          for (Key k : document.keys()) {
            if (k.rotation() != null) {
              Rotation r = k.rotation();
              tx.rotations().insert(new KeyRotationRecord(k.keyId(), r.automaticRotationEnabled(),
                  r.rotationPeriodInDays(), instant(r.nextRotationDate()), r.onDemandRotations(), 0));
            }
            for (RotationEntry r : k.rotations() == null ? List.<RotationEntry>of() : k.rotations()) {
              tx.rotations().addRotation(new KeyMaterialRotationRecord(k.keyId(), r.materialId(), r.rotationType(),
                  Instant.parse(r.rotationDate())));
            }
            k.tags().forEach((key, value) -> tx.tags().put(new TagRecord(k.keyId(), k.region(), key, value)));
            for (Grant g : k.grants()) {
              tx.grants().insert(new GrantRecord(g.grantId(), k.keyId(), k.region(), g.name(), Instant.parse(g.creationDate()),
                  g.granteePrincipal(), g.retiringPrincipal(), g.issuingAccount(), g.operations(), g.constraints(),
                  g.tokenSecret()));
            }
          }
          for (Alias a : document.aliases()) {
            tx.aliases().insert(new AliasRecord(a.account(), a.region(), a.aliasName(), a.targetKeyId(),
                Instant.parse(a.creationDate()), Instant.parse(a.lastUpdatedDate()), 0));
          }
          return null;
        });
      }
    }
    return new Summary(document.keyring().size(), document.keys().size(), document.aliases().size(),
        document.keys().stream().mapToInt(k -> k.grants().size()).sum());
  }

  private static Document read(InputStream in) throws IOException {
    Document document;
    try {
      document = json().readValue(in, Document.class);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException("not a Trent backup (" + e.getOriginalMessage() + ")", e);
    }
    if (document == null || !FORMAT.equals(document.format())) {
      throw new IllegalArgumentException("not a Trent backup (its format is not " + FORMAT + ")");
    }
    if (document.version() != VERSION) {
      throw new IllegalArgumentException("backup version " + document.version() + " is not supported by this build,"
          + " which reads version " + VERSION);
    }
    if (document.keyring() == null || document.keyring().isEmpty()) {
      throw new IllegalArgumentException("the backup has no keyring: it was taken from a store that never started");
    }
    return document;
  }

  /**
   * The terms as the target's root can open them: as they are, the incoming wrappings of a root
   * rotation that was in progress (when the target's root is its new root), or rewrapped from the
   * source's root.
   */
  private static List<KeyringTermRecord> forTarget(List<KeyringTermRecord> terms, List<KeyringTermRecord> incoming,
      RootOfTrust target, TrentConfig rewrapFrom, SecureRandom random) {
    if (terms.stream().allMatch(t -> t.rootId().equals(target.id()))) {
      return terms;
    }
    if (!incoming.isEmpty() && incoming.size() == terms.size()
        && incoming.stream().allMatch(t -> t.rootId().equals(target.id()))) {
      return incoming;
    }
    if (rewrapFrom == null) {
      throw new IllegalArgumentException("the backup's keyring was wrapped by root of trust "
          + terms.get(0).rootId() + (incoming.isEmpty() ? "" : " (and, for a root rotation, " + incoming.get(0).rootId()
              + ")") + ", but the target's root of trust is " + target.id()
          + ": give the source's root with --rewrap-from (or use the source's root key for the target)");
    }
    requireExistingRoot(rewrapFrom, "--rewrap-from");
    List<KeyringTermRecord> all = new ArrayList<>(terms);
    all.addAll(incoming);
    try (RootOfTrust source = TrentServer.openRoot(rewrapFrom, random)) {
      boolean ownBySource = terms.stream().allMatch(t -> t.rootId().equals(source.id()));
      boolean incomingBySource = !incoming.isEmpty() && incoming.stream().allMatch(t -> t.rootId().equals(source.id()));
      if (!ownBySource && !incomingBySource) {
        throw new IllegalArgumentException("the backup's keyring was wrapped by root of trust " + terms.get(0).rootId()
            + ", not by the --rewrap-from root " + source.id());
      }
      return Keyring.rewrap(all, source, target);
    } catch (CryptoException e) {
      throw new IllegalArgumentException("cannot rewrap the backup's keyring: " + e.getMessage(), e);
    }
  }

  /** Builds the records to store and checks that every key's material unwraps under the keyring. */
  private static void verify(Document document, List<KeyringTermRecord> terms, RootOfTrust target,
      SecureRandom random, List<KeyRecord> keys, List<KeyMaterialRecord> materials, List<CustomKeyStoreRecord> stores,
      List<ImportedMaterialRecord> imported, List<ImportParametersRecord> parameters) {
    try (Keyring keyring = Keyring.open(target, terms, random)) {
      KeyMaterials unwrapper = new KeyMaterials(keyring, random);
      for (Store s : document.customKeyStores() == null ? List.<Store>of() : document.customKeyStores()) {
        CustomKeyStoreRecord record = new CustomKeyStoreRecord(s.customKeyStoreId(), s.account(), s.region(), s.name(),
            s.type(), s.cloudHsmClusterId(), s.trustAnchorCertificate(), s.xksProxyConnectivity(),
            s.xksProxyUriEndpoint(), s.xksProxyUriPath(), s.xksProxyVpcEndpointServiceName(),
            s.xksProxyVpcEndpointServiceOwner(), s.xksProxyAccessKeyId(), s.wrappedSecret(), s.connectionState(),
            s.connectionErrorCode(), Instant.parse(s.creationDate()), 0);
        try (SecretBytes ignored = CustomKeyStores.unwrapSecret(keyring, record)) {
          stores.add(record);
        } catch (CryptoException e) {
          throw new IllegalArgumentException("the secret of custom key store " + s.customKeyStoreId()
              + " does not unwrap under the backup's keyring: the backup is damaged", e);
        }
      }
      for (Key k : document.keys()) {
        KeyRecord record = new KeyRecord(k.keyId(), k.account(), k.region(), k.description(), k.keySpec(),
            k.keyUsage(), k.origin(), k.keyState(), Instant.parse(k.creationDate()), instant(k.deletionDate()),
            k.pendingWindowInDays(), k.multiRegion(), k.policy(), k.currentMaterialId(), 0, k.customKeyStoreId(),
            k.xksKeyId(), k.multiRegion() && k.primaryRegion() == null ? k.region() : k.primaryRegion());
        String arn = new KmsKey(record).arn();
        keys.add(record);
        for (Material m : k.materials()) {
          KeyMaterialRecord material = new KeyMaterialRecord(k.keyId(), m.materialId(), m.wrappedMaterial(),
              Instant.parse(m.createdAt()));
          try (SecretBytes ignored = unwrapper.unwrap(arn, material)) {
            materials.add(material);
          } catch (CryptoException e) {
            throw new IllegalArgumentException("the key material " + m.materialId() + " of key " + k.keyId()
                + " does not unwrap under the backup's keyring: the backup is damaged", e);
          }
        }
        for (ImportedMaterial m : k.importedMaterials() == null ? List.<ImportedMaterial>of() : k.importedMaterials()) {
          try {
            unwrapper.requireDigestUnwraps(arn, m.materialId(), m.wrappedDigest());
          } catch (CryptoException e) {
            throw new IllegalArgumentException("the imported material record " + m.materialId() + " of key "
                + k.keyId() + " does not unwrap under the backup's keyring: the backup is damaged", e);
          }
          imported.add(new ImportedMaterialRecord(k.keyId(), m.materialId(), m.importState(), m.expirationModel(),
              instant(m.validTo()), m.description(), m.wrappedDigest(), m.pendingRotation(),
              Instant.parse(m.importedAt()), 0));
        }
        for (ImportParameters p : k.importParameters() == null ? List.<ImportParameters>of() : k.importParameters()) {
          try (SecretBytes ignored = unwrapper.unwrapImportKey(arn, p.parametersId(), p.wrappedPrivateKey())) {
            parameters.add(new ImportParametersRecord(p.parametersId(), k.keyId(), p.wrappingAlgorithm(),
                p.wrappingKeySpec(), p.wrappedPrivateKey(), p.tokenSecretDigest(), Instant.parse(p.validTo()),
                Instant.parse(p.createdAt())));
          } catch (CryptoException e) {
            throw new IllegalArgumentException("the import parameters " + p.parametersId() + " of key " + k.keyId()
                + " do not unwrap under the backup's keyring: the backup is damaged", e);
          }
        }
      }
    } catch (CryptoException e) {
      throw new IllegalArgumentException("the backup's keyring does not open under the target's root of trust: "
          + e.getMessage(), e);
    }
  }

  static void requireExistingStore(TrentConfig config) {
    if (config.storage() instanceof StorageSettings.Sqlite s) {
      Path file = s.file() != null ? s.file() : config.dataDir().resolve(TrentServer.DATABASE_FILE);
      if (!Files.isRegularFile(file)) {
        throw new IllegalArgumentException("no Trent database at " + file);
      }
    }
    if (config.storage() instanceof StorageSettings.Memory) {
      throw new IllegalArgumentException("an in-memory store has nothing to export");
    }
  }

  /** A source root given by files must exist: opening it must never create a new one. */
  static void requireExistingRoot(TrentConfig config, String what) {
    Path file = null;
    if (config.rootOfTrust() instanceof RootSettings.KeyFile k) {
      file = k.file() != null ? k.file() : config.dataDir().resolve(TrentServer.ROOT_KEY_FILE);
    } else if (config.rootOfTrust() instanceof RootSettings.Passphrase p) {
      file = p.parametersFile() != null ? p.parametersFile() : config.dataDir().resolve(TrentServer.PASSPHRASE_FILE);
    }
    if (file != null && !Files.isRegularFile(file)) {
      throw new IllegalArgumentException(what + ": no root of trust file at " + file);
    }
  }

  private static String string(Instant instant) {
    return instant == null ? null : instant.toString();
  }

  private static Instant instant(String text) {
    return text == null ? null : Instant.parse(text);
  }
}
