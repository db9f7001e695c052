package trent.domain.ciphertext;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * Trent's ciphertext format, version 2: the blob of a key in an external key store. It holds the
 * external key store proxy's AES-GCM output (XKS proxy API, Encrypt: ciphertext, optional
 * ciphertextMetadata, initialization vector, authentication tag) over an inner version 1 blob,
 * which Trent's own key material sealed first (double encryption, as AWS KMS does for keys in
 * external key stores). The header names the KMS key, the material of the inner layer and the
 * custom key store.
 *
 * <pre>
 * offset  size  field
 *      0     1  format version, 0x02
 *      1     1  key id kind (as in version 1)
 *      2    16  key id
 *     18    32  key material id of the inner layer
 *     50     1  length s of the custom key store id (ASCII), 1..64
 *     51     s  custom key store id
 *   51+s     1  length m of the ciphertextMetadata, 0..20
 *            m  ciphertextMetadata
 *            1  length v of the initialization vector, 12 or 16
 *            v  initialization vector
 *           16  authentication tag
 *            n  the proxy's ciphertext of the inner blob, 1..(version 1's longest blob)
 * </pre>
 *
 * <p>The header (offsets 0 to 51+s) is authenticated by the proxy as part of the additional
 * authenticated data ({@link #additionalAuthenticatedData}); the metadata, IV and tag by the
 * proxy's AES-GCM itself; the plaintext and encryption context, again, by the inner blob. Parsing
 * checks every length before it reads; any malformed blob is a {@link MalformedCiphertextException}.
 */
public final class ExternalCiphertext {

  public static final int FORMAT_VERSION = 2;

  public static final int TAG_LENGTH = 16;

  public static final int MAX_METADATA_LENGTH = 20;

  private static final Pattern STORE_ID = Pattern.compile("[\\x21-\\x7e]{1,64}");
  private static final int FIXED_HEADER = 1 + 1 + KeyIds.KEY_ID_BYTES + KeyIds.KEY_MATERIAL_ID_BYTES;

  /**
   * A parsed version 2 blob.
   *
   * @param header the KMS key and the inner layer's key material (no nonce: the inner blob has it)
   * @param headerBytes the bytes the proxy authenticated as part of the AAD
   */
  public record Parsed(CiphertextHeader header, String customKeyStoreId, byte[] headerBytes, byte[] ciphertextMetadata,
      byte[] initializationVector, byte[] authenticationTag, byte[] ciphertext) {}

  private ExternalCiphertext() {}

  /** The header of a version 2 blob for this key, its inner material and its store. */
  public static byte[] header(String keyId, String keyMaterialId, String customKeyStoreId) {
    if (!STORE_ID.matcher(customKeyStoreId).matches()) {
      throw new IllegalArgumentException("not a custom key store id");
    }
    byte[] store = customKeyStoreId.getBytes(StandardCharsets.US_ASCII);
    byte[] header = new byte[FIXED_HEADER + 1 + store.length];
    header[0] = FORMAT_VERSION;
    header[1] = KeyIds.kind(KeyIds.requireKeyId(keyId));
    KeyIds.writeKeyId(keyId, header, 2);
    KeyIds.writeKeyMaterialId(KeyIds.requireKeyMaterialId(keyMaterialId), header, 2 + KeyIds.KEY_ID_BYTES);
    header[FIXED_HEADER] = (byte) store.length;
    System.arraycopy(store, 0, header, FIXED_HEADER + 1, store.length);
    return header;
  }

  /**
   * What the proxy's AES-GCM authenticates besides the inner blob: the header, then the SHA-256
   * of the encryption context's canonical encoding (bounded, whatever the context's size).
   */
  public static byte[] additionalAuthenticatedData(byte[] header, EncryptionContext context) {
    byte[] canonical = new byte[context.canonicalLength()];
    context.copyCanonicalTo(canonical, 0);
    byte[] digest;
    try {
      digest = java.security.MessageDigest.getInstance("SHA-256").digest(canonical);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
    byte[] aad = Arrays.copyOf(header, header.length + digest.length);
    System.arraycopy(digest, 0, aad, header.length, digest.length);
    return aad;
  }

  /**
   * Writes a blob.
   *
   * @throws IllegalArgumentException when a part has a length the format does not allow (the
   *     caller checked the proxy's answer first)
   */
  public static byte[] write(byte[] header, byte[] metadata, byte[] iv, byte[] tag, byte[] ciphertext) {
    byte[] md = metadata == null ? new byte[0] : metadata;
    if (md.length > MAX_METADATA_LENGTH || (iv.length != 12 && iv.length != 16) || tag.length != TAG_LENGTH
        || ciphertext.length < 1 || ciphertext.length > CiphertextFormat.MAX_BLOB_LENGTH) {
      throw new IllegalArgumentException("a part of the external key store proxy's answer has a wrong length");
    }
    byte[] blob = new byte[header.length + 1 + md.length + 1 + iv.length + TAG_LENGTH + ciphertext.length];
    int i = 0;
    System.arraycopy(header, 0, blob, i, header.length);
    i += header.length;
    blob[i++] = (byte) md.length;
    System.arraycopy(md, 0, blob, i, md.length);
    i += md.length;
    blob[i++] = (byte) iv.length;
    System.arraycopy(iv, 0, blob, i, iv.length);
    i += iv.length;
    System.arraycopy(tag, 0, blob, i, TAG_LENGTH);
    i += TAG_LENGTH;
    System.arraycopy(ciphertext, 0, blob, i, ciphertext.length);
    return blob;
  }

  /** Parses a version 2 blob, checking each length before reading. */
  public static Parsed parse(byte[] blob) {
    if (blob.length < FIXED_HEADER + 1 || blob[0] != FORMAT_VERSION) {
      throw new MalformedCiphertextException("not a version 2 blob");
    }
    String keyId = KeyIds.readKeyId(blob[1], blob, 2);
    if (keyId == null) {
      throw new MalformedCiphertextException("unknown key id kind");
    }
    String materialId = KeyIds.readKeyMaterialId(blob, 2 + KeyIds.KEY_ID_BYTES);
    int i = FIXED_HEADER;
    int storeLength = blob[i++] & 0xff;
    require(blob, i, storeLength);
    String storeId = new String(blob, i, storeLength, StandardCharsets.US_ASCII);
    if (!STORE_ID.matcher(storeId).matches()) {
      throw new MalformedCiphertextException("malformed custom key store id");
    }
    i += storeLength;
    byte[] headerBytes = Arrays.copyOfRange(blob, 0, i);
    require(blob, i, 1);
    int metadataLength = blob[i++] & 0xff;
    if (metadataLength > MAX_METADATA_LENGTH) {
      throw new MalformedCiphertextException("ciphertext metadata too long");
    }
    require(blob, i, metadataLength);
    byte[] metadata = Arrays.copyOfRange(blob, i, i + metadataLength);
    i += metadataLength;
    require(blob, i, 1);
    int ivLength = blob[i++] & 0xff;
    if (ivLength != 12 && ivLength != 16) {
      throw new MalformedCiphertextException("initialization vector of a wrong length");
    }
    require(blob, i, ivLength + TAG_LENGTH + 1);
    byte[] iv = Arrays.copyOfRange(blob, i, i + ivLength);
    i += ivLength;
    byte[] tag = Arrays.copyOfRange(blob, i, i + TAG_LENGTH);
    i += TAG_LENGTH;
    if (blob.length - i > CiphertextFormat.MAX_BLOB_LENGTH) {
      throw new MalformedCiphertextException("ciphertext is longer than the longest blob");
    }
    byte[] ciphertext = Arrays.copyOfRange(blob, i, blob.length);
    return new Parsed(CiphertextHeader.of(FORMAT_VERSION, keyId, materialId, new byte[0]), storeId, headerBytes,
        metadata, iv, tag, ciphertext);
  }

  private static void require(byte[] blob, int offset, int length) {
    if (length < 0 || blob.length - offset < length) {
      throw new MalformedCiphertextException("ciphertext is truncated");
    }
  }
}
