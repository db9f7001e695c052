package trent.domain.grant;

import java.util.EnumSet;
import java.util.Set;
import trent.domain.key.KeySpec;
import trent.domain.key.KeyUsage;

/**
 * The operations a grant may allow (the model's {@code GrantOperation} enum), with which key types
 * each applies to and whether it takes an encryption context (only those may be constrained by one).
 * Source: KMS developer guide, "Grant operations" (the table of operations per key type).
 */
public enum GrantOperation {
  Decrypt(true),
  Encrypt(true),
  GenerateDataKey(true),
  GenerateDataKeyWithoutPlaintext(true),
  ReEncryptFrom(true),
  ReEncryptTo(true),
  Sign(false),
  Verify(false),
  GetPublicKey(false),
  CreateGrant(false),
  RetireGrant(false),
  DescribeKey(false),
  GenerateDataKeyPair(true),
  GenerateDataKeyPairWithoutPlaintext(true),
  GenerateMac(false),
  VerifyMac(false),
  DeriveSharedSecret(false);

  private final boolean takesEncryptionContext;

  GrantOperation(boolean takesEncryptionContext) {
    this.takesEncryptionContext = takesEncryptionContext;
  }

  /** Whether the operation has an EncryptionContext member, so that an encryption-context constraint applies to it. */
  public boolean takesEncryptionContext() {
    return takesEncryptionContext;
  }

  /** The operations a grant on a key of this spec and usage may list. */
  public static Set<GrantOperation> validFor(KeySpec spec, KeyUsage usage) {
    Set<GrantOperation> ops = EnumSet.of(CreateGrant, RetireGrant, DescribeKey);
    switch (usage) {
      case ENCRYPT_DECRYPT:
        if (spec == KeySpec.SYMMETRIC_DEFAULT) {
          ops.addAll(EnumSet.of(Decrypt, Encrypt, GenerateDataKey, GenerateDataKeyWithoutPlaintext, ReEncryptFrom,
              ReEncryptTo, GenerateDataKeyPair, GenerateDataKeyPairWithoutPlaintext));
        } else {
          ops.addAll(EnumSet.of(Decrypt, Encrypt, ReEncryptFrom, ReEncryptTo, GetPublicKey));
        }
        break;
      case SIGN_VERIFY:
        ops.addAll(EnumSet.of(Sign, Verify, GetPublicKey));
        break;
      case GENERATE_VERIFY_MAC:
        ops.addAll(EnumSet.of(GenerateMac, VerifyMac));
        break;
      case KEY_AGREEMENT:
        ops.addAll(EnumSet.of(DeriveSharedSecret, GetPublicKey));
        break;
      default:
        break;
    }
    return ops;
  }
}
