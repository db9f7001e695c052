package trent.storage.memory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import trent.storage.AliasRecord;
import trent.storage.AliasRepository;
import trent.storage.CustomKeyStoreRecord;
import trent.storage.CustomKeyStoreRepository;
import trent.storage.DuplicateRecordException;
import trent.storage.GrantRecord;
import trent.storage.GrantRepository;
import trent.storage.KeyMaterialRecord;
import trent.storage.KeyMaterialRepository;
import trent.storage.KeyRecord;
import trent.storage.KeyRepository;
import trent.storage.KeyMaterialRotationRecord;
import trent.storage.KeyRotationRecord;
import trent.storage.ImportParametersRecord;
import trent.storage.ImportRepository;
import trent.storage.ImportedMaterialRecord;
import trent.storage.KeyUsageRecord;
import trent.storage.KeyUsageRepository;
import trent.storage.RotationRepository;
import trent.storage.KeyringRepository;
import trent.storage.KeyringTermRecord;
import trent.storage.RootRotationRecord;
import trent.storage.StaleRecordException;
import trent.storage.Storage;
import trent.storage.StorageException;
import trent.storage.TagRecord;
import trent.storage.TagRepository;
import trent.storage.Transaction;

/**
 * The storage SPI in memory.
 *
 * <p>Writes are serialised by one lock and made atomic by an undo log: every change a unit of
 * work makes is recorded with its inverse, and a unit that throws is undone in reverse order
 * before its exception reaches the caller. Reads share the lock, so they see a consistent state
 * that includes every write that returned before them. Records are immutable, so they are kept
 * as given. Not durable by design.
 */
public final class InMemoryStorage implements Storage {

  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private final ThreadLocal<Boolean> inWork = ThreadLocal.withInitial(() -> false);
  /** A stored key: the copies of a multi-Region key share the key id, one per Region. */
  private record CopyId(String keyId, String region) implements Comparable<CopyId> {
    static final java.util.Comparator<CopyId> ORDER =
        java.util.Comparator.comparing(CopyId::keyId).thenComparing(CopyId::region);

    /** Sorts after every copy of {@code keyId} (Region names are ASCII). */
    static CopyId afterAllCopies(String keyId) {
      return new CopyId(keyId, "\uffff");
    }

    @Override
    public int compareTo(CopyId other) {
      return ORDER.compare(this, other);
    }
  }

  private final TreeMap<CopyId, KeyRecord> keys = new TreeMap<>();
  private final Map<String, TreeMap<Long, KeyMaterialRecord>> materials = new HashMap<>();
  private final TreeMap<String, AliasRecord> aliases = new TreeMap<>();
  private final Map<String, TreeMap<String, TagRecord>> tags = new HashMap<>();
  private final TreeMap<Integer, KeyringTermRecord> terms = new TreeMap<>();
  private final TreeMap<Integer, KeyringTermRecord> incomingTerms = new TreeMap<>();
  private RootRotationRecord rootRotation;
  private final Map<String, KeyRotationRecord> rotationSettings = new HashMap<>();
  private final Map<String, List<KeyMaterialRotationRecord>> rotationHistory = new HashMap<>();
  private final Map<String, KeyUsageRecord> lastUsage = new HashMap<>();
  private final TreeMap<String, ImportParametersRecord> importParameters = new TreeMap<>();
  private final Map<String, List<ImportedMaterialRecord>> importedMaterials = new HashMap<>();
  private java.time.Instant trackingStart;
  private final TreeMap<String, GrantRecord> grants = new TreeMap<>();
  private final TreeMap<String, CustomKeyStoreRecord> customKeyStores = new TreeMap<>();
  private long materialSequence;
  private volatile boolean closed;

  @Override
  public <T> T read(Work<T> work) {
    return run(work, false);
  }

  @Override
  public <T> T write(Work<T> work) {
    return run(work, true);
  }

  private <T> T run(Work<T> work, boolean writable) {
    if (inWork.get()) {
      throw new IllegalStateException("storage called from inside a unit of work of the same store");
    }
    var held = writable ? lock.writeLock() : lock.readLock();
    held.lock();
    inWork.set(true);
    Tx tx = new Tx(writable);
    try {
      if (closed) {
        throw new StorageException("the store is closed");
      }
      T result = work.run(tx);
      tx.undo.clear();
      return result;
    } catch (RuntimeException | Error e) {
      tx.rollback();
      throw e;
    } finally {
      tx.open = false;
      inWork.set(false);
      held.unlock();
    }
  }

  /**
   * Forgets every key, alias, tag, key material, rotation, key use and custom key store, keeping the keyring and
   * when usage tracking began: the store is as a fresh
   * server's, ready for the next test. Waits for work in progress.
   */
  public void clear() {
    lock.writeLock().lock();
    try {
      keys.clear();
      materials.clear();
      aliases.clear();
      tags.clear();
      rotationSettings.clear();
      rotationHistory.clear();
      lastUsage.clear();
      importParameters.clear();
      importedMaterials.clear();
      grants.clear();
      customKeyStores.clear();
    } finally {
      lock.writeLock().unlock();
    }
  }

  @Override
  public void close() {
    if (inWork.get()) {
      throw new IllegalStateException("close called from inside a unit of work of the same store");
    }
    lock.writeLock().lock();
    try {
      closed = true;
    } finally {
      lock.writeLock().unlock();
    }
  }

  private static String aliasId(String account, String region, String aliasName) {
    return account + '\u0000' + region + '\u0000' + aliasName;
  }

  private static void requireLimit(int limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("limit must not be negative, was " + limit);
    }
  }

  /** One unit of work: its repositories check that it is still running and record undo steps. */
  private final class Tx implements Transaction, KeyMaterialRepository, AliasRepository,
      KeyringRepository {

    private final boolean writable;
    private final Deque<Runnable> undo = new ArrayDeque<>();
    private boolean open = true;

    Tx(boolean writable) {
      this.writable = writable;
    }

    private void check(boolean writing) {
      if (!open) {
        throw new IllegalStateException("transaction used after its work returned");
      }
      if (writing && !writable) {
        throw new StorageException("read-only work tried to write");
      }
    }

    void rollback() {
      while (!undo.isEmpty()) {
        undo.pop().run();
      }
    }

    private void requireKey(String keyId) {
      if (copies(keyId).isEmpty()) {
        throw new StorageException("no key " + keyId + " is stored");
      }
    }

    private void requireKey(String keyId, String region) {
      if (!keys.containsKey(new CopyId(keyId, region))) {
        throw new StorageException("no key " + keyId + " is stored");
      }
    }

    @Override
    public KeyRepository keys() {
      return keyRepository;
    }

    @Override
    public KeyMaterialRepository keyMaterials() {
      return this;
    }

    @Override
    public AliasRepository aliases() {
      return this;
    }

    @Override
    public TagRepository tags() {
      return tagRepository;
    }

    private final TagRepository tagRepository = new TagRepository() {
      @Override
      public List<TagRecord> list(String keyId, String region) {
        check(false);
        TreeMap<String, TagRecord> t = tags.get(copyName(keyId, region));
        return t == null ? List.of() : List.copyOf(t.values());
      }

      @Override
      public void put(TagRecord tag) {
        check(true);
        requireKey(tag.keyId(), tag.region());
        TreeMap<String, TagRecord> t = tags.computeIfAbsent(copyName(tag.keyId(), tag.region()), k -> new TreeMap<>());
        TagRecord previous = t.put(tag.tagKey(), tag);
        undo.push(() -> {
          if (previous == null) {
            t.remove(tag.tagKey());
          } else {
            t.put(tag.tagKey(), previous);
          }
        });
      }

      @Override
      public boolean remove(String keyId, String region, String tagKey) {
        check(true);
        TreeMap<String, TagRecord> t = tags.get(copyName(keyId, region));
        TagRecord previous = t == null ? null : t.remove(tagKey);
        if (previous == null) {
          return false;
        }
        undo.push(() -> t.put(tagKey, previous));
        return true;
      }
    };

    @Override
    public KeyringRepository keyring() {
      return this;
    }

    @Override
    public RotationRepository rotations() {
      return rotationRepository;
    }

    @Override
    public KeyUsageRepository keyUsage() {
      return usageRepository;
    }

    private <V> void removeUndoably(Map<String, V> map, String keyId) {
      V removed = map.remove(keyId);
      if (removed != null) {
        undo.push(() -> map.put(keyId, removed));
      }
    }

    private final RotationRepository rotationRepository = new RotationRepository() {
      @Override
      public Optional<KeyRotationRecord> find(String keyId) {
        check(false);
        return Optional.ofNullable(rotationSettings.get(keyId));
      }

      @Override
      public void insert(KeyRotationRecord rotation) {
        check(true);
        if (rotation.version() != 0) {
          throw new IllegalArgumentException("new rotation settings must have version 0, was " + rotation.version());
        }
        requireKey(rotation.keyId());
        if (rotationSettings.containsKey(rotation.keyId())) {
          throw new DuplicateRecordException("rotation settings of key " + rotation.keyId() + " exist");
        }
        rotationSettings.put(rotation.keyId(), rotation);
        undo.push(() -> rotationSettings.remove(rotation.keyId()));
      }

      @Override
      public KeyRotationRecord update(KeyRotationRecord rotation) {
        check(true);
        KeyRotationRecord stored = rotationSettings.get(rotation.keyId());
        if (stored == null || stored.version() != rotation.version()) {
          throw new StaleRecordException("rotation settings of key " + rotation.keyId() + " are not at version "
              + rotation.version());
        }
        KeyRotationRecord next = new KeyRotationRecord(rotation.keyId(), rotation.automaticRotationEnabled(),
            rotation.rotationPeriodInDays(), rotation.nextRotationDate(), rotation.onDemandRotations(),
            rotation.version() + 1);
        rotationSettings.put(rotation.keyId(), next);
        undo.push(() -> rotationSettings.put(rotation.keyId(), stored));
        return next;
      }

      @Override
      public List<KeyRotationRecord> listDue(java.time.Instant notAfter, int limit) {
        check(false);
        requireLimit(limit);
        return rotationSettings.values().stream()
            .filter(r -> r.automaticRotationEnabled() && r.nextRotationDate() != null
                && !r.nextRotationDate().isAfter(notAfter))
            .sorted(java.util.Comparator.comparing(KeyRotationRecord::nextRotationDate)
                .thenComparing(KeyRotationRecord::keyId))
            .limit(limit)
            .toList();
      }

      @Override
      public void addRotation(KeyMaterialRotationRecord rotation) {
        check(true);
        requireKey(rotation.keyId());
        List<KeyMaterialRotationRecord> history = rotationHistory.computeIfAbsent(rotation.keyId(), k -> new ArrayList<>());
        if (history.stream().anyMatch(r -> r.materialId().equals(rotation.materialId()))) {
          throw new DuplicateRecordException("rotation to material " + rotation.materialId() + " is recorded");
        }
        history.add(rotation);
        undo.push(() -> history.remove(history.size() - 1));
      }

      @Override
      public List<KeyMaterialRotationRecord> listRotations(String keyId) {
        check(false);
        return rotationHistory.getOrDefault(keyId, List.of()).stream()
            .sorted(java.util.Comparator.comparing(KeyMaterialRotationRecord::rotationDate))
            .toList();
      }
    };

    @Override
    public ImportRepository imports() {
      return importRepository;
    }

    private final ImportRepository importRepository = new ImportRepository() {
      @Override
      public Optional<ImportParametersRecord> findParameters(String parametersId) {
        check(false);
        return Optional.ofNullable(importParameters.get(parametersId));
      }

      @Override
      public void insertParameters(ImportParametersRecord parameters) {
        check(true);
        requireKey(parameters.keyId());
        if (importParameters.containsKey(parameters.parametersId())) {
          throw new DuplicateRecordException("import parameters " + parameters.parametersId() + " exist");
        }
        importParameters.put(parameters.parametersId(), parameters);
        undo.push(() -> importParameters.remove(parameters.parametersId()));
      }

      @Override
      public List<ImportParametersRecord> listParameters(String keyId) {
        check(false);
        return importParameters.values().stream().filter(p -> p.keyId().equals(keyId))
            .sorted(java.util.Comparator.comparing(ImportParametersRecord::createdAt)
                .thenComparing(ImportParametersRecord::parametersId))
            .toList();
      }

      @Override
      public boolean replaceWrappedPrivateKey(String parametersId, byte[] expected, byte[] replacement) {
        check(true);
        ImportParametersRecord p = importParameters.get(parametersId);
        if (p == null || !java.util.Arrays.equals(p.wrappedPrivateKey(), expected)) {
          return false;
        }
        importParameters.put(parametersId, new ImportParametersRecord(p.parametersId(), p.keyId(),
            p.wrappingAlgorithm(), p.wrappingKeySpec(), replacement, p.tokenSecretDigest(), p.validTo(), p.createdAt()));
        undo.push(() -> importParameters.put(parametersId, p));
        return true;
      }

      @Override
      public int deleteParametersExpiredBefore(java.time.Instant before) {
        check(true);
        List<ImportParametersRecord> expired =
            importParameters.values().stream().filter(p -> p.validTo().isBefore(before)).toList();
        for (ImportParametersRecord p : expired) {
          importParameters.remove(p.parametersId());
          undo.push(() -> importParameters.put(p.parametersId(), p));
        }
        return expired.size();
      }

      @Override
      public Optional<ImportedMaterialRecord> findMaterial(String keyId, String materialId) {
        check(false);
        return importedMaterials.getOrDefault(keyId, List.of()).stream()
            .filter(m -> m.materialId().equals(materialId)).findFirst();
      }

      @Override
      public List<ImportedMaterialRecord> listMaterials(String keyId) {
        check(false);
        return List.copyOf(importedMaterials.getOrDefault(keyId, List.of()));
      }

      @Override
      public void insertMaterial(ImportedMaterialRecord material) {
        check(true);
        if (material.version() != 0) {
          throw new IllegalArgumentException("new imported material must have version 0, was " + material.version());
        }
        requireKey(material.keyId());
        if (findMaterial(material.keyId(), material.materialId()).isPresent()) {
          throw new DuplicateRecordException("key " + material.keyId() + " has imported material "
              + material.materialId());
        }
        List<ImportedMaterialRecord> list = importedMaterials.computeIfAbsent(material.keyId(), k -> new ArrayList<>());
        list.add(material);
        undo.push(() -> list.remove(list.size() - 1));
      }

      @Override
      public ImportedMaterialRecord updateMaterial(ImportedMaterialRecord material) {
        check(true);
        List<ImportedMaterialRecord> list = importedMaterials.getOrDefault(material.keyId(), new ArrayList<>());
        int i = 0;
        while (i < list.size() && !list.get(i).materialId().equals(material.materialId())) {
          i++;
        }
        if (i == list.size() || list.get(i).version() != material.version()) {
          throw new StaleRecordException("imported material " + material.materialId() + " of key "
              + material.keyId() + " is not stored at version " + material.version());
        }
        ImportedMaterialRecord stored = list.get(i);
        ImportedMaterialRecord next = new ImportedMaterialRecord(material.keyId(), material.materialId(),
            material.importState(), material.expirationModel(), material.validTo(), material.description(),
            material.wrappedDigest(), material.pendingRotation(), material.importedAt(), material.version() + 1);
        int index = i;
        list.set(index, next);
        undo.push(() -> list.set(index, stored));
        return next;
      }

      @Override
      public List<ImportedMaterialRecord> listExpiring(java.time.Instant notAfter, int limit) {
        check(false);
        requireLimit(limit);
        return importedMaterials.values().stream().flatMap(List::stream)
            .filter(m -> m.importState().equals("IMPORTED") && m.validTo() != null && !m.validTo().isAfter(notAfter))
            .sorted(java.util.Comparator.comparing(ImportedMaterialRecord::validTo)
                .thenComparing(ImportedMaterialRecord::keyId).thenComparing(ImportedMaterialRecord::materialId))
            .limit(limit)
            .toList();
      }
    };

    private final KeyUsageRepository usageRepository = new KeyUsageRepository() {
      @Override
      public Optional<KeyUsageRecord> find(String keyId) {
        check(false);
        return Optional.ofNullable(lastUsage.get(keyId));
      }

      @Override
      public void recordIfLater(KeyUsageRecord usage) {
        check(true);
        if (copies(usage.keyId()).isEmpty()) {
          return;
        }
        KeyUsageRecord stored = lastUsage.get(usage.keyId());
        if (stored == null || usage.usedAt().isAfter(stored.usedAt())) {
          lastUsage.put(usage.keyId(), usage);
          undo.push(() -> {
            if (stored == null) {
              lastUsage.remove(usage.keyId());
            } else {
              lastUsage.put(usage.keyId(), stored);
            }
          });
        }
      }

      @Override
      public java.time.Instant trackingStart(java.time.Instant candidate) {
        check(true);
        if (trackingStart == null) {
          trackingStart = candidate;
          undo.push(() -> trackingStart = null);
        }
        return trackingStart;
      }
    };

    @Override
    public GrantRepository grants() {
      return grantRepository;
    }

    @Override
    public CustomKeyStoreRepository customKeyStores() {
      return storeRepository;
    }

    private final CustomKeyStoreRepository storeRepository = new CustomKeyStoreRepository() {
      @Override
      public Optional<CustomKeyStoreRecord> find(String customKeyStoreId) {
        check(false);
        return Optional.ofNullable(customKeyStores.get(customKeyStoreId));
      }

      private void requireNameFree(CustomKeyStoreRecord store) {
        boolean taken = customKeyStores.values().stream().anyMatch(s -> !s.customKeyStoreId().equals(store.customKeyStoreId())
            && s.account().equals(store.account()) && s.region().equals(store.region()) && s.name().equals(store.name()));
        if (taken) {
          throw new DuplicateRecordException("custom key store name " + store.name() + " is taken");
        }
      }

      @Override
      public void insert(CustomKeyStoreRecord store) {
        check(true);
        if (store.version() != 0) {
          throw new IllegalArgumentException("a new custom key store must have version 0, was " + store.version());
        }
        if (customKeyStores.containsKey(store.customKeyStoreId())) {
          throw new DuplicateRecordException("custom key store " + store.customKeyStoreId() + " exists");
        }
        requireNameFree(store);
        customKeyStores.put(store.customKeyStoreId(), store);
        undo.push(() -> customKeyStores.remove(store.customKeyStoreId()));
      }

      @Override
      public CustomKeyStoreRecord update(CustomKeyStoreRecord store) {
        check(true);
        CustomKeyStoreRecord stored = customKeyStores.get(store.customKeyStoreId());
        if (stored == null || stored.version() != store.version()) {
          throw new StaleRecordException("custom key store " + store.customKeyStoreId() + " is not at version "
              + store.version());
        }
        requireNameFree(store);
        CustomKeyStoreRecord next = store.withVersion(store.version() + 1);
        customKeyStores.put(store.customKeyStoreId(), next);
        undo.push(() -> customKeyStores.put(store.customKeyStoreId(), stored));
        return next;
      }

      @Override
      public boolean delete(String customKeyStoreId) {
        check(true);
        CustomKeyStoreRecord stored = customKeyStores.remove(customKeyStoreId);
        if (stored == null) {
          return false;
        }
        undo.push(() -> customKeyStores.put(customKeyStoreId, stored));
        return true;
      }

      @Override
      public List<CustomKeyStoreRecord> list(String account, String region, String afterId, int limit) {
        return listWhere(s -> s.account().equals(account) && s.region().equals(region), afterId, limit);
      }

      @Override
      public List<CustomKeyStoreRecord> listAll(String afterId, int limit) {
        return listWhere(s -> true, afterId, limit);
      }

      private List<CustomKeyStoreRecord> listWhere(java.util.function.Predicate<CustomKeyStoreRecord> filter,
          String after, int limit) {
        check(false);
        requireLimit(limit);
        var tail = after == null ? customKeyStores : customKeyStores.tailMap(after, false);
        return tail.values().stream().filter(filter).limit(limit).toList();
      }

      @Override
      public int countKeys(String customKeyStoreId) {
        check(false);
        return (int) keys.values().stream().filter(k -> customKeyStoreId.equals(k.customKeyStoreId())).count();
      }

      @Override
      public Optional<String> findKeyByXksKeyId(String customKeyStoreId, String xksKeyId) {
        check(false);
        return keys.values().stream()
            .filter(k -> customKeyStoreId.equals(k.customKeyStoreId()) && xksKeyId.equals(k.xksKeyId()))
            .map(KeyRecord::keyId).findFirst();
      }
    };

    private final GrantRepository grantRepository = new GrantRepository() {
      @Override
      public Optional<GrantRecord> find(String grantId) {
        check(false);
        return Optional.ofNullable(grants.get(grantId));
      }

      @Override
      public void insert(GrantRecord grant) {
        check(true);
        requireKey(grant.keyId(), grant.region());
        if (grants.containsKey(grant.grantId())) {
          throw new DuplicateRecordException("grant " + grant.grantId() + " exists");
        }
        grants.put(grant.grantId(), grant);
        undo.push(() -> grants.remove(grant.grantId()));
      }

      @Override
      public boolean delete(String grantId) {
        check(true);
        GrantRecord stored = grants.remove(grantId);
        if (stored == null) {
          return false;
        }
        undo.push(() -> grants.put(grantId, stored));
        return true;
      }

      @Override
      public List<GrantRecord> listByKey(String keyId, String region, String afterGrantId, int limit) {
        return listWhere(g -> g.keyId().equals(keyId) && g.region().equals(region), afterGrantId, limit);
      }

      @Override
      public List<GrantRecord> listByRetiringPrincipal(String retiringPrincipal, String afterGrantId, int limit) {
        return listWhere(g -> retiringPrincipal.equals(g.retiringPrincipal()), afterGrantId, limit);
      }

      private List<GrantRecord> listWhere(java.util.function.Predicate<GrantRecord> filter, String after, int limit) {
        check(false);
        requireLimit(limit);
        var tail = after == null ? grants : grants.tailMap(after, false);
        return tail.values().stream().filter(filter).limit(limit).toList();
      }
    };

    // Keys

    /** The stored copies of a key, ordered by Region. */
    private java.util.Collection<KeyRecord> copies(String keyId) {
      return keys.subMap(new CopyId(keyId, ""), true, CopyId.afterAllCopies(keyId), false).values();
    }

    /** The name of one copy's tag set. */
    private static String copyName(String keyId, String region) {
      return keyId + " " + region;
    }

    private final KeyRepository keyRepository = new KeyRepository() {
      @Override
      public Optional<KeyRecord> find(String keyId, String region) {
        check(false);
        return Optional.ofNullable(keys.get(new CopyId(keyId, region)));
      }

      @Override
      public List<KeyRecord> findCopies(String keyId) {
        check(false);
        return List.copyOf(copies(keyId));
      }

      @Override
      public void insert(KeyRecord key) {
        check(true);
        if (key.version() != 0) {
          throw new IllegalArgumentException("a new key must have version 0, was " + key.version());
        }
        CopyId id = new CopyId(key.keyId(), key.region());
        if (keys.containsKey(id)) {
          throw new DuplicateRecordException("key " + key.keyId() + " exists in " + key.region());
        }
        keys.put(id, key);
        undo.push(() -> keys.remove(id));
      }

      @Override
      public KeyRecord update(KeyRecord key) {
        check(true);
        CopyId id = new CopyId(key.keyId(), key.region());
        KeyRecord stored = keys.get(id);
        if (stored == null || stored.version() != key.version()) {
          throw new StaleRecordException("key " + key.keyId() + " is not at version " + key.version());
        }
        KeyRecord next = key.withVersion(key.version() + 1);
        keys.put(id, next);
        undo.push(() -> keys.put(id, stored));
        return next;
      }

      @Override
      public boolean delete(String keyId, String region) {
        check(true);
        CopyId id = new CopyId(keyId, region);
        KeyRecord stored = keys.remove(id);
        if (stored == null) {
          return false;
        }
        undo.push(() -> keys.put(id, stored));
        removeUndoably(tags, copyName(keyId, region));
        List<GrantRecord> keyGrants = grants.values().stream()
            .filter(g -> g.keyId().equals(keyId) && g.region().equals(region)).toList();
        for (GrantRecord g : keyGrants) {
          grants.remove(g.grantId());
          undo.push(() -> grants.put(g.grantId(), g));
        }
        List<AliasRecord> pointing = aliases.values().stream()
            .filter(a -> a.targetKeyId().equals(keyId) && a.region().equals(region)).toList();
        for (AliasRecord a : pointing) {
          String aliasId = aliasId(a.account(), a.region(), a.aliasName());
          aliases.remove(aliasId);
          undo.push(() -> aliases.put(aliasId, a));
        }
        if (!copies(keyId).isEmpty()) {
          return true;
        }
        removeUndoably(materials, keyId);
        removeUndoably(rotationSettings, keyId);
        removeUndoably(rotationHistory, keyId);
        removeUndoably(lastUsage, keyId);
        removeUndoably(importedMaterials, keyId);
        List<ImportParametersRecord> keyParameters =
            importParameters.values().stream().filter(p -> p.keyId().equals(keyId)).toList();
        for (ImportParametersRecord p : keyParameters) {
          importParameters.remove(p.parametersId());
          undo.push(() -> importParameters.put(p.parametersId(), p));
        }
        return true;
      }

      @Override
      public List<KeyRecord> listAll(String afterKeyId, String afterRegion, int limit) {
        check(false);
        requireLimit(limit);
        var tail = afterKeyId == null ? keys
            : keys.tailMap(afterRegion == null ? CopyId.afterAllCopies(afterKeyId) : new CopyId(afterKeyId, afterRegion), false);
        return tail.values().stream().limit(limit).toList();
      }

      @Override
      public List<KeyRecord> list(String account, String region, String afterKeyId, int limit) {
        check(false);
        requireLimit(limit);
        var tail = afterKeyId == null ? keys : keys.tailMap(CopyId.afterAllCopies(afterKeyId), false);
        List<KeyRecord> page = new ArrayList<>();
        for (KeyRecord k : tail.values()) {
          if (page.size() == limit) {
            break;
          }
          if (k.account().equals(account) && k.region().equals(region)) {
            page.add(k);
          }
        }
        return page;
      }

      @Override
      public List<KeyRecord> listDeletionDue(String keyState, java.time.Instant notAfter, int limit) {
        check(false);
        requireLimit(limit);
        return keys.values().stream()
            .filter(k -> k.keyState().equals(keyState) && k.deletionDate() != null
                && !k.deletionDate().isAfter(notAfter))
            .sorted(java.util.Comparator.comparing(KeyRecord::deletionDate).thenComparing(KeyRecord::keyId)
                .thenComparing(KeyRecord::region))
            .limit(limit)
            .toList();
      }
    };

    // Key material

    @Override
    public Optional<KeyMaterialRecord> find(String keyId, String materialId) {
      check(false);
      TreeMap<Long, KeyMaterialRecord> m = materials.get(keyId);
      return m == null ? Optional.empty()
          : m.values().stream().filter(r -> r.materialId().equals(materialId)).findFirst();
    }

    @Override
    public List<KeyMaterialRecord> list(String keyId) {
      check(false);
      TreeMap<Long, KeyMaterialRecord> m = materials.get(keyId);
      if (m == null) {
        return List.of();
      }
      return m.values().stream()
          .sorted(java.util.Comparator.comparing(KeyMaterialRecord::createdAt))
          .toList();
    }

    @Override
    public void insert(KeyMaterialRecord material) {
      check(true);
      requireKey(material.keyId());
      if (find(material.keyId(), material.materialId()).isPresent()) {
        throw new DuplicateRecordException("key " + material.keyId() + " has material " + material.materialId());
      }
      long sequence = materialSequence++;
      TreeMap<Long, KeyMaterialRecord> m = materials.computeIfAbsent(material.keyId(), k -> new TreeMap<>());
      m.put(sequence, material);
      undo.push(() -> m.remove(sequence));
    }

    @Override
    public boolean replaceWrapped(String keyId, String materialId, byte[] expected, byte[] replacement) {
      check(true);
      TreeMap<Long, KeyMaterialRecord> m = materials.get(keyId);
      if (m == null) {
        return false;
      }
      for (var e : m.entrySet()) {
        KeyMaterialRecord r = e.getValue();
        if (r.materialId().equals(materialId) && java.util.Arrays.equals(r.wrappedMaterial(), expected)) {
          e.setValue(new KeyMaterialRecord(keyId, materialId, replacement, r.createdAt()));
          Long sequence = e.getKey();
          undo.push(() -> m.put(sequence, r));
          return true;
        }
      }
      return false;
    }

    @Override
    public boolean delete(String keyId, String materialId) {
      check(true);
      TreeMap<Long, KeyMaterialRecord> m = materials.get(keyId);
      if (m == null) {
        return false;
      }
      for (Map.Entry<Long, KeyMaterialRecord> e : m.entrySet()) {
        if (e.getValue().materialId().equals(materialId)) {
          Long sequence = e.getKey();
          KeyMaterialRecord removed = m.remove(sequence);
          undo.push(() -> m.put(sequence, removed));
          return true;
        }
      }
      return false;
    }

    // Aliases

    @Override
    public Optional<AliasRecord> find(String account, String region, String aliasName) {
      check(false);
      return Optional.ofNullable(aliases.get(aliasId(account, region, aliasName)));
    }

    @Override
    public void insert(AliasRecord alias) {
      check(true);
      if (alias.version() != 0) {
        throw new IllegalArgumentException("a new alias must have version 0, was " + alias.version());
      }
      requireKey(alias.targetKeyId(), alias.region());
      String id = aliasId(alias.account(), alias.region(), alias.aliasName());
      if (aliases.containsKey(id)) {
        throw new DuplicateRecordException("alias " + alias.aliasName() + " exists");
      }
      aliases.put(id, alias);
      undo.push(() -> aliases.remove(id));
    }

    @Override
    public AliasRecord update(AliasRecord alias) {
      check(true);
      String id = aliasId(alias.account(), alias.region(), alias.aliasName());
      AliasRecord stored = aliases.get(id);
      if (stored == null || stored.version() != alias.version()) {
        throw new StaleRecordException("alias " + alias.aliasName() + " is not at version " + alias.version());
      }
      requireKey(alias.targetKeyId(), alias.region());
      AliasRecord next = new AliasRecord(alias.account(), alias.region(), alias.aliasName(), alias.targetKeyId(),
          alias.creationDate(), alias.lastUpdatedDate(), alias.version() + 1);
      aliases.put(id, next);
      undo.push(() -> aliases.put(id, stored));
      return next;
    }

    @Override
    public boolean delete(String account, String region, String aliasName) {
      check(true);
      String id = aliasId(account, region, aliasName);
      AliasRecord stored = aliases.remove(id);
      if (stored == null) {
        return false;
      }
      undo.push(() -> aliases.put(id, stored));
      return true;
    }

    @Override
    public List<AliasRecord> list(String account, String region, String targetKeyId, String afterAliasName, int limit) {
      check(false);
      requireLimit(limit);
      String prefix = aliasId(account, region, "");
      var tail = afterAliasName == null
          ? aliases.tailMap(prefix, true)
          : aliases.tailMap(aliasId(account, region, afterAliasName), false);
      List<AliasRecord> page = new ArrayList<>();
      for (Map.Entry<String, AliasRecord> e : tail.entrySet()) {
        if (page.size() == limit || !e.getKey().startsWith(prefix)) {
          break;
        }
        if (targetKeyId == null || e.getValue().targetKeyId().equals(targetKeyId)) {
          page.add(e.getValue());
        }
      }
      return page;
    }

    // Keyring

    @Override
    public List<KeyringTermRecord> list() {
      check(false);
      return List.copyOf(terms.values());
    }

    @Override
    public void insert(KeyringTermRecord term) {
      check(true);
      if (terms.containsKey(term.term())) {
        throw new DuplicateRecordException("keyring term " + term.term() + " exists");
      }
      terms.put(term.term(), term);
      undo.push(() -> terms.remove(term.term()));
    }

    @Override
    public List<KeyringTermRecord> listIncoming() {
      check(false);
      return incomingTerms.values().stream()
          .map(i -> new KeyringTermRecord(i.term(), i.rootId(), i.wrappedKey(), terms.get(i.term()).createdAt()))
          .toList();
    }

    @Override
    public Optional<RootRotationRecord> rootRotation() {
      check(false);
      return Optional.ofNullable(rootRotation);
    }

    @Override
    public void startRootRotation(RootRotationRecord rotation, List<KeyringTermRecord> incoming) {
      check(true);
      if (rootRotation != null) {
        throw new DuplicateRecordException("a root rotation is in progress");
      }
      java.util.Set<Integer> given = new java.util.TreeSet<>();
      for (KeyringTermRecord wrapping : incoming) {
        if (!wrapping.rootId().equals(rotation.toRootId()) || !given.add(wrapping.term())) {
          throw new IllegalArgumentException("incoming wrappings must wrap each term once, by root of trust "
              + rotation.toRootId());
        }
      }
      if (!given.equals(terms.keySet())) {
        throw new IllegalArgumentException("incoming wrappings of terms " + given + " do not match the stored terms "
            + terms.keySet());
      }
      rootRotation = rotation;
      incoming.forEach(i -> incomingTerms.put(i.term(), i));
      undo.push(() -> {
        rootRotation = null;
        incomingTerms.clear();
      });
    }

    @Override
    public boolean finishRootRotation() {
      check(true);
      if (rootRotation == null) {
        return false;
      }
      if (!incomingTerms.keySet().equals(terms.keySet())) {
        throw new IllegalStateException("a keyring term has no incoming wrapping");
      }
      TreeMap<Integer, KeyringTermRecord> before = new TreeMap<>(terms);
      incomingTerms.values().forEach(i -> terms.put(i.term(),
          new KeyringTermRecord(i.term(), i.rootId(), i.wrappedKey(), before.get(i.term()).createdAt())));
      undo.push(() -> {
        terms.clear();
        terms.putAll(before);
      });
      return abortRootRotation();
    }

    @Override
    public boolean abortRootRotation() {
      check(true);
      RootRotationRecord rotation = rootRotation;
      if (rotation == null) {
        return false;
      }
      TreeMap<Integer, KeyringTermRecord> incoming = new TreeMap<>(incomingTerms);
      rootRotation = null;
      incomingTerms.clear();
      undo.push(() -> {
        rootRotation = rotation;
        incomingTerms.putAll(incoming);
      });
      return true;
    }
  }
}
