package trent.protocol.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import trent.domain.audit.AuditEvent;
import trent.domain.audit.AuditEvent.Resource;
import trent.domain.audit.AuditMembers;
import trent.domain.audit.UserIdentity;
import trent.domain.key.KeyArns;
import trent.ops.Caller;
import trent.protocol.Answer;
import trent.protocol.Exchange;
import trent.protocol.audit.AuditedMembers.Kind;
import trent.protocol.audit.AuditedMembers.Member;

/**
 * Turns an answered request into its {@link AuditEvent}. Runs on the request's thread, so it only
 * copies a few allow-listed values; serialising and writing happen elsewhere.
 *
 * <p>The key ARNs in {@code resources} come from the keys the operation noted as it resolved
 * them; failing that (a request that failed before resolving, or an operation that notes none),
 * from the response ({@code KeyMetadata.Arn}, {@code KeyId}) and then from a request
 * {@code KeyId} / {@code TargetKeyId} given as a key ARN or key id. An alias that never resolved
 * names no resource.
 */
public final class AuditEvents {

  /** Longest string value recorded; longer ones (only in requests that failed validation) are cut. */
  static final int MAX_STRING = 8192;
  /** Most entries recorded from one map or list. */
  static final int MAX_ENTRIES = 64;
  private static final int MAX_HEADER = 1024;

  private static final Pattern CREDENTIAL =
      Pattern.compile("Credential=([A-Za-z0-9]{1,128})/[0-9]{8}/([a-z0-9-]{1,32})/");
  private static final Pattern KEY_ID =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|mrk-[0-9a-f]{32}");
  private static final Pattern KEY_ARN = Pattern.compile("arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/.+");

  private final Clock clock;
  private final Supplier<String> eventIds;
  private final ObjectMapper mapper;

  /*
   * The console keeps the last events in memory, and every one of them outlives the young
   * collection that follows it: their size was most of what each young collection copied (about
   * 2 MB, 1 KB an event, JFR and class histograms). Parts that repeat from one request to the
   * next (the caller's identity, the key used, the parameters of a run of like requests, the
   * Region) are therefore shared with the event before when they are the same. Each cache holds
   * one immutable value, read and replaced without a lock: a race only costs a missed sharing.
   */
  private volatile SharedIdentity lastIdentity;
  private volatile SharedResources lastResources;
  private volatile AuditMembers lastParameters;
  private volatile String lastRegion;

  private record SharedIdentity(String principalArn, String account, String accessKeyId, UserIdentity identity) {}

  private record SharedResources(String arn, List<Resource> resources) {}

  /**
   * @param clock gives each event its time
   * @param eventIds gives each event its id (random version-4 UUIDs in production)
   * @param mapper the wire codec's mapper: reads error bodies and response records in wire names
   */
  public AuditEvents(Clock clock, Supplier<String> eventIds, ObjectMapper mapper) {
    this.clock = clock;
    this.eventIds = eventIds;
    this.mapper = mapper;
  }

  /** Random version-4 UUIDs from a fast non-blocking generator: event ids need uniqueness, not secrecy. */
  public static String randomEventId() {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    long msb = (r.nextLong() & ~0xF000L) | 0x4000L;
    long lsb = (r.nextLong() & ~0xC000000000000000L) | 0x8000000000000000L;
    return new UUID(msb, lsb).toString();
  }

  public AuditEvent of(Exchange exchange) {
    String eventName = exchange.operation() != null ? exchange.operation()
        : exchange.target() != null ? cut(exchange.target(), 128) : "-";
    Caller caller = exchange.auth() == null ? null : exchange.auth().caller();
    String region = shared(exchange.auth() != null ? exchange.auth().region() : null);
    UserIdentity identity;
    if (caller != null) {
      identity = identity(caller);
    } else {
      Matcher m = CREDENTIAL.matcher(String.valueOf(exchange.request().header("Authorization")));
      boolean found = m.find();
      identity = UserIdentity.unknown(found ? m.group(1) : null);
      region = found ? m.group(2) : null;
    }
    Answer answer = exchange.answer();
    boolean success = answer.errorCode() == null;
    boolean readOnly = AuditedMembers.readOnly(eventName);
    JsonNode response = success && !readOnly && exchange.output() != null
        ? mapper.valueToTree(exchange.output()) : null;
    List<Resource> resources = resources(exchange, response, region, caller);
    String recipient = !resources.isEmpty() && resources.get(0).accountId() != null ? resources.get(0).accountId()
        : caller != null ? caller.account() : null;
    return new AuditEvent(
        eventIds.get(),
        clock.instant(),
        eventName,
        identity,
        region,
        exchange.request().sourceIp(),
        cut(exchange.request().header("User-Agent"), MAX_HEADER),
        requestParameters(members(exchange.body(), AuditedMembers.REQUEST)),
        response == null ? null : responseElements(response),
        exchange.request().requestId(),
        readOnly,
        resources,
        recipient,
        answer.errorCode(),
        success ? null : errorMessage(answer));
  }

  private List<Resource> resources(Exchange exchange, JsonNode response, String region, Caller caller) {
    List<String> arns = exchange.keysUsed().arns();
    if (arns.size() == 1) {
      return resourcesOf(arns.get(0));
    }
    if (arns.isEmpty()) {
      String arn = response == null ? null : text(response.path("KeyMetadata").path("Arn"));
      if (arn == null && exchange.output() != null && exchange.answer().errorCode() == null) {
        arn = keyArn(text(response != null ? response.get("KeyId") : null), region, caller);
      }
      if (arn == null && exchange.body() != null) {
        arn = keyArn(text(exchange.body().get("KeyId")), region, caller);
        if (arn == null) {
          arn = keyArn(text(exchange.body().get("TargetKeyId")), region, caller);
        }
      }
      return arn == null ? List.of() : resourcesOf(arn);
    }
    List<Resource> resources = new ArrayList<>(arns.size());
    for (String arn : arns) {
      resources.add(Resource.key(arn));
    }
    return resources;
  }

  private UserIdentity identity(Caller caller) {
    SharedIdentity last = lastIdentity;
    if (last != null && last.principalArn().equals(caller.principalArn()) && last.account().equals(caller.account())
        && Objects.equals(last.accessKeyId(), caller.accessKeyId())) {
      return last.identity();
    }
    UserIdentity identity = UserIdentity.of(caller.principalArn(), caller.account(), caller.accessKeyId());
    lastIdentity = new SharedIdentity(caller.principalArn(), caller.account(), caller.accessKeyId(), identity);
    return identity;
  }

  private List<Resource> resourcesOf(String arn) {
    SharedResources last = lastResources;
    if (last != null && last.arn().equals(arn)) {
      return last.resources();
    }
    List<Resource> resources = List.of(Resource.key(arn));
    lastResources = new SharedResources(arn, resources);
    return resources;
  }

  private AuditMembers requestParameters(Map<String, Object> members) {
    if (members == null) {
      return null;
    }
    AuditMembers last = lastParameters;
    if (last != null && last.sameInOrder(members)) {
      return last;
    }
    AuditMembers parameters = AuditMembers.copyOf(members);
    lastParameters = parameters;
    return parameters;
  }

  /** The Region, as the same String instance as the event before's when it is the same Region. */
  private String shared(String region) {
    if (region == null) {
      return null;
    }
    String last = lastRegion;
    if (region.equals(last)) {
      return last;
    }
    lastRegion = region;
    return region;
  }

  /** The key ARN named by a key ARN or key id; null for aliases and anything else. */
  private static String keyArn(String keyId, String region, Caller caller) {
    if (keyId == null) {
      return null;
    }
    if (KEY_ARN.matcher(keyId).matches()) {
      return keyId;
    }
    if (region != null && caller != null && KEY_ID.matcher(keyId).matches()) {
      return KeyArns.key(region, caller.account(), keyId);
    }
    return null;
  }

  private static Map<String, Object> responseElements(JsonNode response) {
    Map<String, Object> elements = members(response, AuditedMembers.RESPONSE);
    JsonNode metadata = response.get("KeyMetadata");
    if (metadata != null && metadata.isObject()) {
      Map<String, Object> keyMetadata = members(metadata, AuditedMembers.KEY_METADATA);
      if (keyMetadata != null) {
        elements = elements == null ? new LinkedHashMap<>() : elements;
        elements.put("keyMetadata", keyMetadata);
      }
    }
    return elements;
  }

  /** The allow-listed members of {@code object}, in the order they appear; null when none. */
  private static Map<String, Object> members(JsonNode object, Map<String, Member> allowed) {
    if (object == null || !object.isObject()) {
      return null;
    }
    Map<String, Object> result = null;
    Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      Member member = allowed.get(field.getKey());
      if (member == null) {
        continue;
      }
      Object value = value(field.getValue(), member.kind());
      if (value != null) {
        if (result == null) {
          result = new LinkedHashMap<>();
        }
        result.put(member.auditName(), value);
      }
    }
    return result;
  }

  private static Object value(JsonNode node, Kind kind) {
    switch (kind) {
      case STRING:
        return node.isTextual() ? cut(node.textValue(), MAX_STRING) : null;
      case NUMBER:
        if (!node.isNumber()) {
          return null;
        }
        return node.isIntegralNumber() || node.doubleValue() != Math.rint(node.doubleValue())
            ? node.numberValue() : (Object) node.longValue();
      case TIMESTAMP:
        return node.isNumber()
            ? Instant.ofEpochMilli(Math.round(node.doubleValue() * 1000)).truncatedTo(ChronoUnit.SECONDS).toString()
            : null;
      case BOOLEAN:
        return node.isBoolean() ? node.booleanValue() : null;
      case STRING_LIST: {
        if (!node.isArray()) {
          return null;
        }
        List<String> list = new ArrayList<>();
        for (JsonNode item : node) {
          if (item.isTextual() && list.size() < MAX_ENTRIES) {
            list.add(cut(item.textValue(), MAX_STRING));
          }
        }
        return List.copyOf(list);
      }
      case STRING_MAP: {
        if (!node.isObject()) {
          return null;
        }
        Map<String, String> map = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> entries = node.fields();
        while (entries.hasNext() && map.size() < MAX_ENTRIES) {
          Map.Entry<String, JsonNode> e = entries.next();
          if (e.getValue().isTextual()) {
            map.put(cut(e.getKey(), MAX_STRING), cut(e.getValue().textValue(), MAX_STRING));
          }
        }
        return java.util.Collections.unmodifiableMap(map);
      }
      default:
        return null;
    }
  }

  private String errorMessage(Answer answer) {
    try {
      return text(mapper.readTree(answer.body()).get("message"));
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static String text(JsonNode node) {
    return node != null && node.isTextual() ? node.textValue() : null;
  }

  private static String cut(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }
}
