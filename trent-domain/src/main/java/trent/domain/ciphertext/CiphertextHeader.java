package trent.domain.ciphertext;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The parsed header of a symmetric ciphertext blob: which KMS key and which of its key material
 * versions made it, and the message nonce. Parsing needs no key, so {@code Decrypt} learns from
 * here which key to load.
 *
 * <p>A header returned by {@link CiphertextFormat#parseHeader} is well-formed but <em>not yet
 * authenticated</em>: anyone can write any key id into a blob. Only a successful
 * {@link CiphertextFormat#open} proves the header (it is part of the associated data).
 */
public final class CiphertextHeader {

  private final int formatVersion;
  private final String keyId;
  private final String keyMaterialId;
  private final byte[] nonce;

  private CiphertextHeader(int formatVersion, String keyId, String keyMaterialId, byte[] nonce) {
    this.formatVersion = formatVersion;
    this.keyId = keyId;
    this.keyMaterialId = keyMaterialId;
    this.nonce = nonce;
  }

  /** A header of the given ids, checked to be canonical, and a copy of {@code nonce}. */
  static CiphertextHeader of(int formatVersion, String keyId, String keyMaterialId, byte[] nonce) {
    return new CiphertextHeader(formatVersion, KeyIds.requireKeyId(keyId), KeyIds.requireKeyMaterialId(keyMaterialId),
        nonce.clone());
  }

  /**
   * A header of ids that {@link KeyIds#readKeyId} and {@link KeyIds#readKeyMaterialId} formatted
   * from a blob's bytes, canonical by construction (not checked again); takes {@code nonce} as it is.
   */
  static CiphertextHeader read(int formatVersion, String keyId, String keyMaterialId, byte[] nonce) {
    return new CiphertextHeader(formatVersion, keyId, keyMaterialId, nonce);
  }

  /** The blob's format version; {@link CiphertextFormat#FORMAT_VERSION} for blobs made today. */
  public int formatVersion() {
    return formatVersion;
  }

  /** The key id (a UUID, or {@code mrk-} and 32 hex digits), in canonical lowercase form. */
  public String keyId() {
    return keyId;
  }

  /** The key material id: 64 lowercase hex digits (AWS's {@code KeyMaterialId}). */
  public String keyMaterialId() {
    return keyMaterialId;
  }

  /** The 32-byte message nonce (a copy). Not secret. */
  public byte[] nonce() {
    return nonce.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CiphertextHeader h
        && formatVersion == h.formatVersion
        && keyId.equals(h.keyId)
        && keyMaterialId.equals(h.keyMaterialId)
        && Arrays.equals(nonce, h.nonce);
  }

  @Override
  public int hashCode() {
    return Objects.hash(formatVersion, keyId, keyMaterialId, Arrays.hashCode(nonce));
  }

  @Override
  public String toString() {
    return "CiphertextHeader[v" + formatVersion + ", keyId=" + keyId + ", keyMaterialId="
        + keyMaterialId + ", nonce=" + HexFormat.of().formatHex(nonce) + "]";
  }
}
