package trent.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * The operations the load generator can drive, each a request-body template filled in once before
 * the load starts: every request of a run sends the same body (freshly signed each time).
 *
 * <p>{@link #DECRYPT} needs a {@code CiphertextBlob}, which {@link LoadGenerator} obtains in a setup
 * step from {@code GenerateDataKeyWithoutPlaintext}.
 */
public enum Operation {
  CREATE_KEY("CreateKey", false),
  DESCRIBE_KEY("DescribeKey", true),
  GENERATE_DATA_KEY_WITHOUT_PLAINTEXT("GenerateDataKeyWithoutPlaintext", true),
  GENERATE_DATA_KEY("GenerateDataKey", true),
  ENCRYPT("Encrypt", true),
  DECRYPT("Decrypt", true);

  /** What {@link #ENCRYPT} encrypts: 32 bytes, the size of a data key. */
  static final byte[] ENCRYPT_PLAINTEXT = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String awsName;
  private final boolean needsKey;

  Operation(String awsName, boolean needsKey) {
    this.awsName = awsName;
    this.needsKey = needsKey;
  }

  /** The operation's name in the API and in {@code X-Amz-Target: TrentService.<name>}. */
  public String awsName() {
    return awsName;
  }

  /** Whether the body names a KMS key (created first when none is given). */
  public boolean needsKey() {
    return needsKey;
  }

  /**
   * The request body.
   *
   * @param keyId key id, ARN or alias; ignored by {@link #CREATE_KEY}
   * @param ciphertextBlob for {@link #DECRYPT} only: a blob made under {@code keyId}
   */
  public byte[] body(String keyId, byte[] ciphertextBlob) {
    return body(keyId, ciphertextBlob, Map.of());
  }

  /**
   * The request body, with an {@code EncryptionContext} for the operations that take one (not
   * CreateKey, DescribeKey) when {@code encryptionContext} is not empty.
   */
  public byte[] body(String keyId, byte[] ciphertextBlob, Map<String, String> encryptionContext) {
    ObjectNode o = JSON.createObjectNode();
    switch (this) {
      case CREATE_KEY -> o.put("Description", "trent-bench");
      case DESCRIBE_KEY -> o.put("KeyId", keyId);
      case GENERATE_DATA_KEY_WITHOUT_PLAINTEXT, GENERATE_DATA_KEY -> o.put("KeyId", keyId).put("KeySpec", "AES_256");
      case ENCRYPT -> o.put("KeyId", keyId).put("Plaintext", Base64.getEncoder().encodeToString(ENCRYPT_PLAINTEXT));
      case DECRYPT -> {
        if (ciphertextBlob == null) {
          throw new IllegalArgumentException("Decrypt needs a CiphertextBlob");
        }
        o.put("CiphertextBlob", Base64.getEncoder().encodeToString(ciphertextBlob)).put("KeyId", keyId);
      }
      default -> throw new AssertionError(this);
    }
    if (!encryptionContext.isEmpty() && this != CREATE_KEY && this != DESCRIBE_KEY) {
      ObjectNode context = o.putObject("EncryptionContext");
      encryptionContext.forEach(context::put);
    }
    try {
      return JSON.writeValueAsBytes(o);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Parses an AWS operation name, case-insensitively. */
  public static Operation fromAwsName(String name) {
    for (Operation op : values()) {
      if (op.awsName.equalsIgnoreCase(name)) {
        return op;
      }
    }
    throw new IllegalArgumentException("unknown operation " + name + "; one of: " + names());
  }

  /** All names, for help texts. */
  public static String names() {
    StringBuilder sb = new StringBuilder();
    for (Operation op : values()) {
      sb.append(sb.length() == 0 ? "" : ", ").append(op.awsName);
    }
    return sb.toString();
  }
}
