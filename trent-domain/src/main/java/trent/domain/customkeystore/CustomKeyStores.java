package trent.domain.customkeystore;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import trent.crypto.SecretBytes;
import trent.crypto.keyring.Keyring;
import trent.domain.Page;
import trent.domain.Scope;
import trent.domain.error.CloudHsmClusterInUseException;
import trent.domain.error.CustomKeyStoreHasCMKsException;
import trent.domain.error.CustomKeyStoreInvalidStateException;
import trent.domain.error.CustomKeyStoreNameInUseException;
import trent.domain.error.CustomKeyStoreNotFoundException;
import trent.domain.error.LimitExceededException;
import trent.domain.error.XksProxyUriEndpointInUseException;
import trent.domain.error.XksProxyUriInUseException;
import trent.domain.error.XksProxyVpcEndpointServiceInUseException;
import trent.storage.CustomKeyStoreRecord;
import trent.storage.DuplicateRecordException;
import trent.storage.Storage;
import trent.storage.Transaction;

/**
 * The custom key stores of each account and Region: creating, describing, updating, connecting,
 * disconnecting and deleting them, with AWS's rules (API reference of each operation):
 * <ul>
 *   <li>names are unique per account and Region; so are a CloudHSM cluster, an external key store's
 *       proxy URI (endpoint and path), a VPC endpoint service, and the endpoint of a store reached
 *       through a VPC endpoint service; at most {@link #MAX_STORES} stores per account and Region;
 *   <li>update and delete need a DISCONNECTED store, except that an external key store's name,
 *       path and credential may change while CONNECTED; delete needs a store without keys;
 *   <li>connect is refused while DISCONNECTING or FAILED (disconnect first), disconnect while
 *       DISCONNECTED or DISCONNECTING.
 * </ul>
 * Connecting is synchronous here: the attempt is over when ConnectCustomKeyStore answers, and its
 * outcome (CONNECTED, or FAILED with a ConnectionErrorCode) is what DescribeCustomKeyStores shows.
 * A CloudHSM key store always ends FAILED with {@code CLUSTER_NOT_FOUND}: Trent has no CloudHSM
 * cluster to find. An external key store reached through a VPC endpoint service ends FAILED with
 * {@code XKS_VPC_ENDPOINT_SERVICE_NOT_FOUND}: Trent is not in a VPC.
 *
 * <p>The store's secret is wrapped under the keyring with associated data naming the store, like
 * key material, and unwrapped only to sign a request to the proxy.
 */
public final class CustomKeyStores {

  /** AWS's quota of custom key stores per account and Region. */
  public static final int MAX_STORES = 10;

  /** The ConnectionErrorCode of every attempt to connect a CloudHSM key store (see the class comment). */
  public static final String CLOUDHSM_CONNECTION_ERROR = "CLUSTER_NOT_FOUND";

  static final String VPC_CONNECTION_ERROR = "XKS_VPC_ENDPOINT_SERVICE_NOT_FOUND";

  private static final String MARKER_KIND = "cks";
  private static final int ALL = 1000;

  private final Storage storage;
  private final Keyring keyring;
  private final XksProxy proxy;
  private final Clock clock;
  private final SecureRandom random;

  public CustomKeyStores(Storage storage, Keyring keyring, XksProxy proxy, Clock clock, SecureRandom random) {
    this.storage = storage;
    this.keyring = keyring;
    this.proxy = proxy;
    this.clock = clock;
    this.random = random;
  }

  public XksProxy proxy() {
    return proxy;
  }

  /**
   * CreateCustomKeyStore. An external key store with a public endpoint must answer the proxy's
   * health check first, as AWS requires ({@code XksProxyUriUnreachableException} and the others of
   * {@link XksErrors#forStoreSettings}).
   */
  public CustomKeyStore create(Scope scope, NewCustomKeyStore request, String requestId) {
    String id = newId();
    CustomKeyStoreRecord record = new CustomKeyStoreRecord(id, scope.account(), scope.region(), request.name(),
        request.type().name(), request.cloudHsmClusterId(), request.trustAnchorCertificate(),
        name(request.connectivity()), request.uriEndpoint(), request.uriPath(), request.vpcEndpointServiceName(),
        request.vpcEndpointServiceOwner(), request.accessKeyId(), keyring.wrap(request.secret(), associatedData(scope, id)),
        ConnectionState.DISCONNECTED.name(), null, clock.instant(), 0);
    storage.read(tx -> {
      requireFree(tx, record, true);
      return null;
    });
    if (publicXks(record)) {
      checkHealth(record, request.secret(), "CreateCustomKeyStore", requestId);
    }
    try {
      storage.write(tx -> {
        requireFree(tx, record, true);
        tx.customKeyStores().insert(record);
        return null;
      });
    } catch (DuplicateRecordException e) {
      throw CustomKeyStoreNameInUseException.nameInUse(request.name());
    }
    return new CustomKeyStore(record);
  }

  /** DescribeCustomKeyStores: one store by id or by name, or a page of them all. */
  public Page<CustomKeyStore> describe(Scope scope, String id, String name, String marker, int limit) {
    String after = Page.after(marker, MARKER_KIND);
    if (id != null) {
      return Page.of(List.of(find(scope, id)), limit, MARKER_KIND, CustomKeyStore::id);
    }
    if (name != null) {
      CustomKeyStore found = all(scope).stream().filter(s -> s.name().equals(name)).findFirst()
          .orElseThrow(() -> CustomKeyStoreNotFoundException.noSuchName(name));
      return Page.of(List.of(found), limit, MARKER_KIND, CustomKeyStore::id);
    }
    List<CustomKeyStore> fetched = storage.read(tx -> tx.customKeyStores().list(scope.account(), scope.region(), after,
        limit + 1)).stream().map(CustomKeyStore::new).toList();
    return Page.of(fetched, limit, MARKER_KIND, CustomKeyStore::id);
  }

  /** The store of this id in the caller's account and Region ({@code CustomKeyStoreNotFoundException} otherwise). */
  public CustomKeyStore find(Scope scope, String id) {
    return storage.read(tx -> find(tx, scope, id));
  }

  /**
   * UpdateCustomKeyStore. A change to how an external key store with a public endpoint is reached
   * (endpoint, path, credential, connectivity) must pass the proxy's health check with the new
   * settings first.
   */
  public void update(Scope scope, String id, CustomKeyStoreChange change, String requestId) {
    CustomKeyStore current = find(scope, id);
    requireUpdatable(current, change);
    CustomKeyStoreRecord changed = apply(current.record(), scope, change);
    storage.read(tx -> {
      requireFree(tx, changed, false);
      return null;
    });
    boolean reachChanges = change.uriEndpoint() != null || change.uriPath() != null || change.secret() != null
        || change.accessKeyId() != null || change.connectivity() != null;
    if (publicXks(changed) && reachChanges) {
      if (change.secret() != null) {
        checkHealth(changed, change.secret(), "UpdateCustomKeyStore", requestId);
      } else {
        try (SecretBytes secret = unwrapSecret(changed)) {
          checkHealth(changed, secret, "UpdateCustomKeyStore", requestId);
        }
      }
    }
    try {
      storage.write(tx -> {
        CustomKeyStore fresh = find(tx, scope, id);
        requireUpdatable(fresh, change);
        requireFree(tx, changed, false);
        tx.customKeyStores().update(withVersionOf(apply(fresh.record(), scope, change), fresh.record()));
        return null;
      });
    } catch (DuplicateRecordException e) {
      throw CustomKeyStoreNameInUseException.nameInUse(change.name());
    }
  }

  /**
   * ConnectCustomKeyStore: the attempt and its outcome (see the class comment). Returns the store
   * as the attempt left it.
   */
  public CustomKeyStore connect(Scope scope, String id, String requestId) {
    CustomKeyStore store = find(scope, id);
    ConnectionState state = store.connectionState();
    if (state == ConnectionState.DISCONNECTING || state == ConnectionState.FAILED) {
      throw CustomKeyStoreInvalidStateException.notValidIn(id, state.name());
    }
    if (state == ConnectionState.CONNECTED) {
      return store;
    }
    String errorCode = connectionAttempt(store, requestId);
    return storage.write(tx -> {
      CustomKeyStore fresh = find(tx, scope, id);
      ConnectionState now = fresh.connectionState();
      if (now != ConnectionState.DISCONNECTED && now != ConnectionState.CONNECTING) {
        return fresh; // another request connected or failed it meanwhile; its outcome stands
      }
      ConnectionState outcome = errorCode == null ? ConnectionState.CONNECTED : ConnectionState.FAILED;
      return new CustomKeyStore(tx.customKeyStores().update(withConnection(fresh.record(), outcome, errorCode)));
    });
  }

  /** DisconnectCustomKeyStore: any state but DISCONNECTED and DISCONNECTING becomes DISCONNECTED. */
  public void disconnect(Scope scope, String id) {
    storage.write(tx -> {
      CustomKeyStore store = find(tx, scope, id);
      ConnectionState state = store.connectionState();
      if (state == ConnectionState.DISCONNECTED || state == ConnectionState.DISCONNECTING) {
        throw CustomKeyStoreInvalidStateException.notValidIn(id, state.name());
      }
      tx.customKeyStores().update(withConnection(store.record(), ConnectionState.DISCONNECTED, null));
      return null;
    });
  }

  /** DeleteCustomKeyStore: only a DISCONNECTED store without keys. */
  public void delete(Scope scope, String id) {
    storage.write(tx -> {
      CustomKeyStore store = find(tx, scope, id);
      if (store.connectionState() != ConnectionState.DISCONNECTED) {
        throw CustomKeyStoreInvalidStateException.mustBeDisconnected(id, store.connectionState().name());
      }
      if (tx.customKeyStores().countKeys(id) > 0) {
        throw CustomKeyStoreHasCMKsException.hasKeys(id);
      }
      tx.customKeyStores().delete(id);
      return null;
    });
  }

  /**
   * How to reach an external key store's proxy, with its secret unwrapped. The caller closes the
   * endpoint's secret when done.
   */
  public XksProxy.Endpoint endpoint(CustomKeyStore store) {
    CustomKeyStoreRecord r = store.record();
    return new XksProxy.Endpoint(r.xksProxyUriEndpoint(), r.xksProxyUriPath(), r.xksProxyAccessKeyId(),
        unwrapSecret(r), r.region());
  }

  /** Whether the key is in KMS's own key store or in a custom key store that is CONNECTED. */
  public boolean connected(trent.domain.key.KmsKey key) {
    Optional<String> id = key.customKeyStoreId();
    if (id.isEmpty()) {
      return true;
    }
    return storage.read(tx -> tx.customKeyStores().find(id.get()))
        .map(r -> ConnectionState.CONNECTED.name().equals(r.connectionState()))
        .orElse(false);
  }

  /** The external key id's KMS key in the store, if one has it (XksKeyAlreadyInUseException). */
  public Optional<String> keyWithExternalKey(String customKeyStoreId, String xksKeyId) {
    return storage.read(tx -> tx.customKeyStores().findKeyByXksKeyId(customKeyStoreId, xksKeyId));
  }

  private String connectionAttempt(CustomKeyStore store, String requestId) {
    if (!store.external()) {
      return CLOUDHSM_CONNECTION_ERROR;
    }
    if (store.connectivity().orElse(null) != XksProxyConnectivity.PUBLIC_ENDPOINT) {
      return VPC_CONNECTION_ERROR;
    }
    XksProxy.Endpoint endpoint = endpoint(store);
    try {
      proxy.health(endpoint, new XksProxy.RequestMetadata(null, null, "ConnectCustomKeyStore", requestId));
      return null;
    } catch (XksProxyException e) {
      return XksErrors.connectionErrorCode(e.kind());
    } finally {
      endpoint.secretAccessKey().close();
    }
  }

  private void checkHealth(CustomKeyStoreRecord r, SecretBytes secret, String operation, String requestId) {
    XksProxy.Endpoint endpoint = new XksProxy.Endpoint(r.xksProxyUriEndpoint(), r.xksProxyUriPath(),
        r.xksProxyAccessKeyId(), secret, r.region());
    try {
      proxy.health(endpoint, new XksProxy.RequestMetadata(null, null, operation, requestId));
    } catch (XksProxyException e) {
      throw XksErrors.forStoreSettings(e);
    }
  }

  private static boolean publicXks(CustomKeyStoreRecord r) {
    return CustomKeyStoreType.EXTERNAL_KEY_STORE.name().equals(r.type())
        && XksProxyConnectivity.PUBLIC_ENDPOINT.name().equals(r.xksProxyConnectivity());
  }

  private static void requireUpdatable(CustomKeyStore store, CustomKeyStoreChange change) {
    ConnectionState state = store.connectionState();
    if (state == ConnectionState.DISCONNECTED) {
      return;
    }
    if (store.external() && state == ConnectionState.CONNECTED && change.onlyNamePathOrCredential()) {
      return;
    }
    throw CustomKeyStoreInvalidStateException.mustBeDisconnected(store.id(), state.name());
  }

  private CustomKeyStoreRecord apply(CustomKeyStoreRecord r, Scope scope, CustomKeyStoreChange c) {
    XksProxyConnectivity connectivity = c.connectivity();
    boolean toPublic = connectivity == XksProxyConnectivity.PUBLIC_ENDPOINT;
    byte[] wrapped = c.secret() != null ? keyring.wrap(c.secret(), associatedData(scope, r.customKeyStoreId()))
        : r.wrappedSecret();
    return new CustomKeyStoreRecord(r.customKeyStoreId(), r.account(), r.region(), or(c.name(), r.name()), r.type(),
        or(c.cloudHsmClusterId(), r.cloudHsmClusterId()), r.trustAnchorCertificate(),
        or(name(connectivity), r.xksProxyConnectivity()), or(c.uriEndpoint(), r.xksProxyUriEndpoint()),
        or(c.uriPath(), r.xksProxyUriPath()),
        toPublic ? null : or(c.vpcEndpointServiceName(), r.xksProxyVpcEndpointServiceName()),
        toPublic ? null : or(c.vpcEndpointServiceOwner(), r.xksProxyVpcEndpointServiceOwner()),
        or(c.accessKeyId(), r.xksProxyAccessKeyId()), wrapped, r.connectionState(), r.connectionErrorCode(),
        r.creationDate(), r.version());
  }

  /** The name, cluster, URI and VPC endpoint service of {@code r} are not another store's; and the quota. */
  private static void requireFree(Transaction tx, CustomKeyStoreRecord r, boolean isNew) {
    List<CustomKeyStoreRecord> others = new ArrayList<>();
    for (CustomKeyStoreRecord s : all(tx, r.account(), r.region())) {
      if (!s.customKeyStoreId().equals(r.customKeyStoreId())) {
        others.add(s);
      }
    }
    if (isNew && others.size() >= MAX_STORES) {
      // unconfirmed: AWS's text for the custom key store quota.
      throw new LimitExceededException("The number of custom key stores in this account and Region has reached the"
          + " limit of " + MAX_STORES + ".");
    }
    for (CustomKeyStoreRecord s : others) {
      if (s.name().equals(r.name())) {
        throw CustomKeyStoreNameInUseException.nameInUse(r.name());
      }
    }
    for (CustomKeyStoreRecord s : others) {
      if (r.cloudHsmClusterId() != null && r.cloudHsmClusterId().equals(s.cloudHsmClusterId())) {
        throw CloudHsmClusterInUseException.clusterInUse(r.cloudHsmClusterId());
      }
      if (r.xksProxyUriEndpoint() == null || !r.xksProxyUriEndpoint().equals(s.xksProxyUriEndpoint())) {
        continue;
      }
      if (Objects.equals(r.xksProxyUriPath(), s.xksProxyUriPath())) {
        throw XksProxyUriInUseException.uriInUse();
      }
      if (vpc(r) || vpc(s)) {
        throw XksProxyUriEndpointInUseException.endpointInUse();
      }
    }
    if (vpc(r)) {
      for (CustomKeyStoreRecord s : others) {
        if (vpc(s) && r.xksProxyVpcEndpointServiceName().equals(s.xksProxyVpcEndpointServiceName())) {
          throw XksProxyVpcEndpointServiceInUseException.serviceInUse();
        }
      }
    }
  }

  private static boolean vpc(CustomKeyStoreRecord r) {
    return XksProxyConnectivity.VPC_ENDPOINT_SERVICE.name().equals(r.xksProxyConnectivity());
  }

  private List<CustomKeyStore> all(Scope scope) {
    return storage.read(tx -> all(tx, scope.account(), scope.region())).stream().map(CustomKeyStore::new).toList();
  }

  private static List<CustomKeyStoreRecord> all(Transaction tx, String account, String region) {
    List<CustomKeyStoreRecord> all = new ArrayList<>();
    String after = null;
    List<CustomKeyStoreRecord> page;
    do {
      page = tx.customKeyStores().list(account, region, after, ALL);
      all.addAll(page);
      after = page.isEmpty() ? null : page.get(page.size() - 1).customKeyStoreId();
    } while (page.size() == ALL);
    return all;
  }

  private static CustomKeyStore find(Transaction tx, Scope scope, String id) {
    return tx.customKeyStores().find(id)
        .filter(r -> r.account().equals(scope.account()) && r.region().equals(scope.region()))
        .map(CustomKeyStore::new)
        .orElseThrow(() -> CustomKeyStoreNotFoundException.noSuchStore(id));
  }

  private SecretBytes unwrapSecret(CustomKeyStoreRecord r) {
    return unwrapSecret(keyring, r);
  }

  /**
   * A store's secret, unwrapped (for backups, which check every wrapped record before importing);
   * fails with the keyring's integrity error when the record was moved or changed.
   */
  public static SecretBytes unwrapSecret(Keyring keyring, CustomKeyStoreRecord r) {
    return keyring.unwrap(r.wrappedSecret(), associatedData(new Scope(r.account(), r.region()), r.customKeyStoreId()));
  }

  /** What a wrapped store secret is bound to: a record copied onto another store does not unwrap. */
  public static byte[] associatedData(Scope scope, String customKeyStoreId) {
    return ("trent/custom-key-store-secret/v1\n" + scope.account() + "\n" + scope.region() + "\n" + customKeyStoreId)
        .getBytes(StandardCharsets.UTF_8);
  }

  private String newId() {
    byte[] bytes = new byte[9];
    random.nextBytes(bytes);
    return "cks-" + HexFormat.of().formatHex(bytes).substring(0, 17);
  }

  private static CustomKeyStoreRecord withConnection(CustomKeyStoreRecord r, ConnectionState state, String errorCode) {
    return new CustomKeyStoreRecord(r.customKeyStoreId(), r.account(), r.region(), r.name(), r.type(),
        r.cloudHsmClusterId(), r.trustAnchorCertificate(), r.xksProxyConnectivity(), r.xksProxyUriEndpoint(),
        r.xksProxyUriPath(), r.xksProxyVpcEndpointServiceName(), r.xksProxyVpcEndpointServiceOwner(),
        r.xksProxyAccessKeyId(), r.wrappedSecret(), state.name(), errorCode, r.creationDate(), r.version());
  }

  private static CustomKeyStoreRecord withVersionOf(CustomKeyStoreRecord r, CustomKeyStoreRecord stored) {
    return r.withVersion(stored.version());
  }

  private static String or(String value, String otherwise) {
    return value != null ? value : otherwise;
  }

  private static String name(Enum<?> e) {
    return e == null ? null : e.name();
  }
}
