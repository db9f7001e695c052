package trent.domain.usage;

/** The operations whose use of a key is tracked: the model's KeyLastUsageTrackingOperation, in model order. */
public enum UsageOperation {
  Decrypt,
  DeriveSharedSecret,
  Encrypt,
  GenerateDataKey,
  GenerateDataKeyPair,
  GenerateDataKeyPairWithoutPlaintext,
  GenerateDataKeyWithoutPlaintext,
  GenerateMac,
  ReEncrypt,
  Sign,
  Verify,
  VerifyMac
}
