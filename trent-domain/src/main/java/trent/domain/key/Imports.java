package trent.domain.key;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import trent.crypto.CryptoException;
import trent.crypto.SecretBytes;
import trent.crypto.asymmetric.AsymmetricKeyPair;
import trent.crypto.asymmetric.AsymmetricKeySpec;
import trent.crypto.asymmetric.KeyMaterialUnwrapping;
import trent.crypto.asymmetric.KeyMaterialUnwrapping.WrappingAlgorithm;
import trent.domain.Scope;
import trent.domain.error.ExpiredImportTokenException;
import trent.domain.error.IncorrectKeyMaterialException;
import trent.domain.error.InvalidCiphertextException;
import trent.domain.error.InvalidImportTokenException;
import trent.domain.error.KMSInternalException;
import trent.domain.error.KMSInvalidStateException;
import trent.domain.error.KmsUnsupportedOperationException;
import trent.domain.error.NotFoundException;
import trent.domain.error.ValidationException;
import trent.domain.key.KeyResolver.Forms;
import trent.storage.ImportParametersRecord;
import trent.storage.ImportedMaterialRecord;
import trent.storage.KeyMaterialRecord;
import trent.storage.Storage;
import trent.storage.Transaction;

/**
 * Imported key material (OPERATIONS.md "Imported key material"): import parameters, importing and
 * reimporting material, deleting it, and its expiry on the injected clock.
 *
 * <p>The wrapping private key of each parameter set is stored wrapped under the keyring, so the
 * parameters survive restarts and serve every node sharing the store. The material itself is kept
 * like all other material ({@link KeyMaterials}); beside it, an {@link ImportedMaterialRecord}
 * keeps the import state, expiration and a wrapped digest by which a reimport is checked to be the
 * same material. Deleting or expiring material removes the material and keeps that record.
 *
 * <p>Every change is one storage transaction that reads the key again and decides on the fresh
 * records, as in {@link Keys}.
 */
public final class Imports {

  /** Import parameters are valid for 24 hours (GetParametersForImport documentation). */
  public static final Duration PARAMETERS_VALIDITY = Duration.ofHours(24);

  /** Expired parameters are kept this long, so their tokens are answered ExpiredImportTokenException. */
  static final Duration EXPIRED_PARAMETERS_KEPT = Duration.ofDays(7);

  /** ValidTo may be at most 365 days after the request (ImportKeyMaterial documentation). */
  public static final Duration MAX_VALID_TO = Duration.ofDays(365);

  public static final String IMPORTED = "IMPORTED";
  public static final String PENDING_IMPORT = "PENDING_IMPORT";
  public static final String KEY_MATERIAL_EXPIRES = "KEY_MATERIAL_EXPIRES";
  public static final String KEY_MATERIAL_DOES_NOT_EXPIRE = "KEY_MATERIAL_DOES_NOT_EXPIRE";

  /** What GetParametersForImport answers. */
  public record Parameters(KmsKey key, byte[] importToken, byte[] publicKey, Instant parametersValidTo) {}

  /** An ImportKeyMaterial request, as the operation validated it against the model. */
  public record ImportRequest(byte[] importToken, byte[] encryptedKeyMaterial, String expirationModel,
      Instant validTo, String importType, String keyMaterialDescription, String keyMaterialId) {
    @Override
    public String toString() {
      return "ImportRequest[expirationModel=" + expirationModel + ", validTo=" + validTo + ", importType="
          + importType + ", keyMaterialId=" + keyMaterialId + "]";
    }
  }

  /** Which material an import or a deletion concerned. */
  public record Outcome(KmsKey key, String keyMaterialId) {}

  private final Storage storage;
  private final KeyMaterials materials;
  private final KeyResolver resolver = new KeyResolver();
  private final Clock clock;
  private final SecureRandom random;
  private final KeyChangeListener listener;

  public Imports(Storage storage, KeyMaterials materials, Clock clock, SecureRandom random,
      KeyChangeListener listener) {
    this.storage = storage;
    this.materials = materials;
    this.clock = clock;
    this.random = random;
    this.listener = listener;
  }

  /**
   * Checks that a key may have import parameters: origin EXTERNAL (recorded text, OPERATIONS.md
   * "GetParametersForImport"), and a state that allows an import.
   */
  public static void requireImportable(KmsKey key) {
    requireExternal(key);
    KeyState s = key.state();
    if (s != KeyState.PendingImport && s != KeyState.Enabled && s != KeyState.Disabled) {
      throw s.invalidFor(key.arn());
    }
  }

  /**
   * GetParametersForImport: a fresh wrapping key pair of {@code wrappingSpec}, its private key
   * stored wrapped, and a token naming it. Generating an RSA-4096 pair takes a second or more:
   * call this only off the I/O threads.
   */
  public Parameters parameters(KmsKey key, WrappingAlgorithm algorithm, AsymmetricKeySpec wrappingSpec) {
    requireImportable(key);
    Instant now = clock.instant();
    Instant validTo = now.plus(PARAMETERS_VALIDITY);
    byte[] parametersId = new byte[ImportTokens.PARAMETERS_ID_BYTES];
    byte[] secret = new byte[ImportTokens.SECRET_BYTES];
    random.nextBytes(parametersId);
    random.nextBytes(secret);
    String id = HexFormat.of().formatHex(parametersId);
    AsymmetricKeyPair pair = AsymmetricKeyPair.generate(wrappingSpec, random);
    byte[] wrappedKey;
    try (SecretBytes pkcs8 = pair.revealPkcs8()) {
      wrappedKey = materials.wrapImportKey(key.arn(), id, pkcs8);
    }
    ImportParametersRecord record = new ImportParametersRecord(id, key.keyId(), algorithm.name(),
        wrappingSpec.name(), wrappedKey, ImportTokens.secretDigest(secret), validTo, now);
    KmsKey current = storage.write(tx -> {
      KmsKey fresh = resolver.resolve(tx, new Scope(key.account(), key.region()), key.keyId(), Forms.KEY_ID_OR_ARN);
      requireImportable(fresh);
      tx.imports().insertParameters(record);
      return fresh;
    });
    byte[] token = ImportTokens.encode(key.keyId(), parametersId, secret);
    java.util.Arrays.fill(secret, (byte) 0);
    return new Parameters(current, token, pair.publicKey().subjectPublicKeyInfo(), validTo);
  }

  /** ImportKeyMaterial (OPERATIONS.md "ImportKeyMaterial"); the caller resolved and authorized the key. */
  public Outcome importMaterial(KmsKey named, ImportRequest in) {
    requireExternal(named);
    if (named.isPendingDeletion()) {
      throw named.state().invalidFor(named.arn());
    }
    Instant now = clock.instant();
    String model = in.expirationModel() == null ? KEY_MATERIAL_EXPIRES : in.expirationModel();
    checkExpiration(model, in.validTo(), now);
    ImportParametersRecord parameters = parametersOf(named, in.importToken(), now);
    SecretBytes material = unwrap(named, parameters, in.encryptedKeyMaterial());
    try (SecretBytes checked = checkedMaterial(named, material)) {
      Outcome outcome = storage.write(tx -> store(tx, named, in, model, checked, now));
      listener.keyChanged(named);
      return outcome;
    } finally {
      material.destroy();
    }
  }

  private Outcome store(Transaction tx, KmsKey named, ImportRequest in, String model, SecretBytes material,
      Instant now) {
    KmsKey key = resolver.resolve(tx, new Scope(named.account(), named.region()), named.keyId(), Forms.KEY_ID_OR_ARN);
    requireExternal(key);
    if (key.isPendingDeletion()) {
      throw key.state().invalidFor(key.arn());
    }
    List<ImportedMaterialRecord> known = tx.imports().listMaterials(key.keyId());
    String type = in.importType() != null ? in.importType() : known.isEmpty() ? "NEW_KEY_MATERIAL" : "EXISTING_KEY_MATERIAL";
    Instant validTo = KEY_MATERIAL_EXPIRES.equals(model) ? in.validTo() : null;
    if (type.equals("EXISTING_KEY_MATERIAL")) {
      String target = in.keyMaterialId() != null ? in.keyMaterialId() : key.currentMaterialId().orElse(null);
      ImportedMaterialRecord record = known.stream().filter(m -> m.materialId().equals(target)).findFirst()
          // unconfirmed: AWS's error for a reimport into a key that has no such material.
          .orElseThrow(() -> new ValidationException("The key " + key.arn() + " has no key material "
              + (target == null ? "to reimport" : target) + "."));
      if (!materials.isSameMaterial(key.arn(), target, record.wrappedDigest(), material)) {
        // unconfirmed: AWS's text for reimported material that differs.
        throw new IncorrectKeyMaterialException("The key material in the request is not the same key material"
            + " that was previously imported into this KMS key.");
      }
      if (tx.keyMaterials().find(key.keyId(), target).isEmpty()) {
        tx.keyMaterials().insert(materials.wrapImported(key.keyId(), key.arn(), target, material, now));
      }
      tx.imports().updateMaterial(new ImportedMaterialRecord(key.keyId(), target, IMPORTED, model, validTo,
          in.keyMaterialDescription() != null ? in.keyMaterialDescription() : record.description(),
          record.wrappedDigest(), record.pendingRotation(), now, record.version()));
      if (target.equals(key.currentMaterialId().orElse(null)) && key.state() == KeyState.PendingImport) {
        return new Outcome(new KmsKey(tx.keys().update(key.withState(KeyState.Enabled))), target);
      }
      return new Outcome(key, target);
    }
    if (in.keyMaterialId() != null) {
      // unconfirmed: AWS's error for KeyMaterialId with NEW_KEY_MATERIAL.
      throw new ValidationException("KeyMaterialId can be specified only when ImportType is EXISTING_KEY_MATERIAL.");
    }
    boolean hasCurrent = key.currentMaterialId().isPresent();
    if (hasCurrent && (key.spec() != KeySpec.SYMMETRIC_DEFAULT || key.usage() != KeyUsage.ENCRYPT_DECRYPT)) {
      // unconfirmed: only symmetric encryption keys take new imported material for rotation.
      throw new KmsUnsupportedOperationException(key.arn() + " key spec is " + key.spec().name()
          + " which is not valid for importing new key material into a key that has key material.");
    }
    if (known.stream().anyMatch(m -> m.pendingRotation() && IMPORTED.equals(m.importState()))) {
      // unconfirmed: one new material may wait for RotateKeyOnDemand at a time.
      throw new KMSInvalidStateException("The key " + key.arn() + " already has key material pending rotation.");
    }
    for (ImportedMaterialRecord other : known) {
      if (materials.isSameMaterial(key.arn(), other.materialId(), other.wrappedDigest(), material)) {
        // unconfirmed: new key material that the key already has.
        throw new IncorrectKeyMaterialException("The key material in the request was already imported into this"
            + " KMS key as key material " + other.materialId() + ".");
      }
    }
    String materialId = materials.newMaterialId();
    tx.keyMaterials().insert(materials.wrapImported(key.keyId(), key.arn(), materialId, material, now));
    tx.imports().insertMaterial(new ImportedMaterialRecord(key.keyId(), materialId, IMPORTED, model, validTo,
        in.keyMaterialDescription(), materials.wrapDigest(key.arn(), materialId, material), hasCurrent, now, 0));
    if (!hasCurrent) {
      KeyState next = key.state() == KeyState.PendingImport ? KeyState.Enabled : key.state();
      return new Outcome(new KmsKey(tx.keys().update(new KmsKey(key.withCurrentMaterial(materialId)).withState(next))),
          materialId);
    }
    return new Outcome(key, materialId);
  }

  /**
   * DeleteImportedKeyMaterial: the material {@code keyMaterialId} (default: the current one) is
   * deleted; when it is the current material, the key goes to PendingImport.
   */
  public Outcome delete(KmsKey named, String keyMaterialId) {
    requireExternal(named);
    Instant now = clock.instant();
    Outcome outcome = storage.write(tx -> {
      KmsKey key = resolver.resolve(tx, new Scope(named.account(), named.region()), named.keyId(), Forms.KEY_ID_OR_ARN);
      requireExternal(key);
      String target = keyMaterialId != null ? keyMaterialId : key.currentMaterialId().orElse(null);
      if (target == null) {
        throw key.state().invalidFor(key.arn());
      }
      ImportedMaterialRecord record = tx.imports().findMaterial(key.keyId(), target)
          // unconfirmed: AWS's error for a KeyMaterialId the key does not have.
          .orElseThrow(() -> new NotFoundException("Key material " + target + " does not exist for key "
              + key.arn() + "."));
      return new Outcome(remove(tx, key, record, now), target);
    });
    listener.keyChanged(named);
    return outcome;
  }

  /**
   * Deletes, by the injected clock, imported material whose ValidTo has passed, and import
   * parameters that expired more than a week ago; returns how many materials expired.
   */
  public int expireDue() {
    Instant now = clock.instant();
    int expired = 0;
    int skipped = 0;
    List<ImportedMaterialRecord> due;
    do {
      int offset = skipped;
      due = storage.read(tx -> tx.imports().listExpiring(now, offset + 100));
      due = due.subList(Math.min(offset, due.size()), due.size());
      for (ImportedMaterialRecord candidate : due) {
        boolean done = storage.write(tx -> {
          Optional<ImportedMaterialRecord> fresh = tx.imports().findMaterial(candidate.keyId(), candidate.materialId());
          // Keys with imported material are single-Region in Trent (ReplicateKey refuses them).
          Optional<KmsKey> key = tx.keys().findCopies(candidate.keyId()).stream().findFirst().map(KmsKey::new);
          if (fresh.isEmpty() || key.isEmpty() || !IMPORTED.equals(fresh.get().importState())
              || fresh.get().validTo() == null || fresh.get().validTo().isAfter(now)) {
            return false;
          }
          remove(tx, key.get(), fresh.get(), now);
          return true;
        });
        if (done) {
          listener.keyChanged(candidate.keyId(), ClusterNotices.ANY_REGION);
          expired++;
        } else {
          skipped++;
        }
      }
    } while (due.size() == 100);
    storage.write(tx -> tx.imports().deleteParametersExpiredBefore(now.minus(EXPIRED_PARAMETERS_KEPT)));
    return expired;
  }

  /** The imported material records of a key, oldest import first (DescribeKey, ListKeyRotations). */
  public List<ImportedMaterialRecord> materialsOf(KmsKey key) {
    if (key.origin() != Origin.EXTERNAL) {
      return List.of();
    }
    return storage.read(tx -> tx.imports().listMaterials(key.keyId()));
  }

  /** The record of the key's current material, if it is an imported one. */
  public Optional<ImportedMaterialRecord> currentOf(KmsKey key) {
    Optional<String> current = key.currentMaterialId();
    if (key.origin() != Origin.EXTERNAL || current.isEmpty()) {
      return Optional.empty();
    }
    return storage.read(tx -> tx.imports().findMaterial(key.keyId(), current.get()));
  }

  private KmsKey remove(Transaction tx, KmsKey key, ImportedMaterialRecord record, Instant now) {
    tx.keyMaterials().delete(key.keyId(), record.materialId());
    if (IMPORTED.equals(record.importState())) {
      tx.imports().updateMaterial(new ImportedMaterialRecord(record.keyId(), record.materialId(), PENDING_IMPORT,
          record.expirationModel(), record.validTo(), record.description(), record.wrappedDigest(), false,
          record.importedAt(), record.version()));
    }
    boolean current = record.materialId().equals(key.currentMaterialId().orElse(null));
    if (current && (key.state() == KeyState.Enabled || key.state() == KeyState.Disabled)) {
      return new KmsKey(tx.keys().update(key.withState(KeyState.PendingImport)));
    }
    return key;
  }

  private static void requireExternal(KmsKey key) {
    if (key.origin() != Origin.EXTERNAL) {
      // Recorded text (OPERATIONS.md "GetParametersForImport").
      throw new KmsUnsupportedOperationException(
          key.arn() + " origin is " + key.origin().name() + " which is not valid for this operation.");
    }
  }

  private static void checkExpiration(String model, Instant validTo, Instant now) {
    if (KEY_MATERIAL_EXPIRES.equals(model)) {
      if (validTo == null) {
        // Recorded text (OPERATIONS.md "ImportKeyMaterial").
        throw new ValidationException("A validTo date must be set if the ExpirationModel is KEY_MATERIAL_EXPIRES");
      }
      if (!validTo.isAfter(now) || validTo.isAfter(now.plus(MAX_VALID_TO))) {
        // unconfirmed: AWS's text for a ValidTo in the past or more than 365 days ahead.
        throw new ValidationException("ValidTo must be a future date and time no more than 365 days from now.");
      }
    } else if (validTo != null) {
      // unconfirmed: AWS's text for ValidTo with KEY_MATERIAL_DOES_NOT_EXPIRE.
      throw new ValidationException(
          "A validTo date must not be set if the ExpirationModel is KEY_MATERIAL_DOES_NOT_EXPIRE");
    }
  }

  /** The parameters a token names, for this key, authenticated and not expired. */
  private ImportParametersRecord parametersOf(KmsKey key, byte[] token, Instant now) {
    // unconfirmed: AWS's text for a token that is not valid for the key.
    InvalidImportTokenException invalid = new InvalidImportTokenException("Import token is invalid for this key.");
    ImportTokens.Parsed parsed = ImportTokens.parse(token).orElseThrow(() -> invalid);
    if (!parsed.keyId().equals(key.keyId())) {
      throw invalid;
    }
    ImportParametersRecord parameters = storage.read(tx -> tx.imports().findParameters(parsed.parametersId()))
        .filter(p -> p.keyId().equals(key.keyId()))
        .orElseThrow(() -> invalid);
    byte[] presented = ImportTokens.secretDigest(parsed.secret()).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    byte[] stored = parameters.tokenSecretDigest().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    java.util.Arrays.fill(parsed.secret(), (byte) 0);
    if (!java.security.MessageDigest.isEqual(presented, stored)) {
      throw invalid;
    }
    if (now.isAfter(parameters.validTo())) {
      // unconfirmed: AWS's text for expired import parameters.
      throw new ExpiredImportTokenException("The import token has expired.");
    }
    return parameters;
  }

  private SecretBytes unwrap(KmsKey key, ImportParametersRecord parameters, byte[] encryptedKeyMaterial) {
    AsymmetricKeySpec spec = AsymmetricKeySpec.valueOf(parameters.wrappingKeySpec());
    AsymmetricKeyPair pair;
    try (SecretBytes pkcs8 = materials.unwrapImportKey(key.arn(), parameters.parametersId(),
        parameters.wrappedPrivateKey())) {
      pair = AsymmetricKeyPair.fromPkcs8(spec, pkcs8);
    } catch (CryptoException e) {
      throw new KMSInternalException("The import parameters of " + key.arn() + " could not be unwrapped.", e);
    }
    try {
      return KeyMaterialUnwrapping.unwrap(pair, WrappingAlgorithm.valueOf(parameters.wrappingAlgorithm()),
          encryptedKeyMaterial);
    } catch (CryptoException e) {
      // unconfirmed: AWS's text when the wrapped key material does not decrypt.
      throw new InvalidCiphertextException("The encrypted key material could not be decrypted with the import"
          + " parameters of this import token.");
    }
  }

  /** The material in the form stored for the key's spec, or AWS's error for material that does not fit it. */
  private static SecretBytes checkedMaterial(KmsKey key, SecretBytes material) {
    try {
      return KeyMaterials.seedMaterial(key.spec(), material);
    } catch (IllegalArgumentException | CryptoException e) {
      // unconfirmed: AWS's text for material of the wrong length or form for the key spec.
      throw new IncorrectKeyMaterialException("The key material in the request is not valid for a "
          + key.spec().name() + " key.");
    }
  }
}
