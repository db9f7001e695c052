package trent.it;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.kms.KmsClient;

/** KMS keys of one server, created once per spec and usage on first use (RSA-4096 takes seconds). */
final class Keys {
  private final KmsClient kms;
  private final Map<String, String> ids = new ConcurrentHashMap<>();

  Keys(KmsClient kms) {
    this.kms = kms;
  }

  String of(String keySpec, String keyUsage) {
    return ids.computeIfAbsent(keySpec + "/" + keyUsage,
        k -> kms.createKey(r -> r.keySpec(keySpec).keyUsage(keyUsage).description(k)).keyMetadata().keyId());
  }

  static String arn(String keyId) {
    return "arn:aws:kms:us-east-1:" + RunningTrent.ACCOUNT + ":key/" + keyId;
  }
}
