package trent.protocol.sigv4;

/**
 * The parts of an {@code Authorization: AWS4-HMAC-SHA256 ...} header.
 *
 * @param raw the header value as received, echoed in some error messages
 * @param credential the whole {@code Credential} value, {@code keyid/date/region/service/term}
 * @param accessKeyId first element of the credential
 * @param scopeDate second element of the credential, expected {@code yyyyMMdd}
 * @param region third element of the credential
 * @param service fourth element of the credential
 * @param terminator fifth element of the credential, expected {@code aws4_request}
 * @param signedHeaders the {@code SignedHeaders} value as received
 * @param signature the {@code Signature} value as received
 */
record AuthorizationHeader(
    String raw,
    String credential,
    String accessKeyId,
    String scopeDate,
    String region,
    String service,
    String terminator,
    String signedHeaders,
    String signature) {

  static final String ALGORITHM = "AWS4-HMAC-SHA256";

  /**
   * Parses an {@code Authorization} header value.
   *
   * @param raw the header value
   * @param hasDateHeader whether the request carries {@code X-Amz-Date} or {@code Date}; AWS
   *     reports its absence together with the header's missing parts
   * @throws trent.domain.error.IncompleteSignatureException when a part is missing or malformed
   */
  static AuthorizationHeader parse(String raw, boolean hasDateHeader) {
    String credential = null;
    String signedHeaders = null;
    String signature = null;
    int n = raw.length();
    int i = skipWhitespace(raw, 0);
    int algorithmEnd = i;
    while (algorithmEnd < n && !isWhitespace(raw.charAt(algorithmEnd))) {
      algorithmEnd++;
    }
    // Only the header form of AWS4-HMAC-SHA256 is parsed further. Any other scheme (SigV2's
    // "AWS key:sig", a bearer token) lacks every part, which is what AWS answers for it.
    if (raw.regionMatches(i, ALGORITHM, 0, ALGORITHM.length())
        && algorithmEnd - i == ALGORITHM.length()) {
      i = algorithmEnd;
      while (i < n) {
        char c = raw.charAt(i);
        if (c == ',' || isWhitespace(c)) {
          i++;
          continue;
        }
        int end = i;
        while (end < n && raw.charAt(end) != ',' && !isWhitespace(raw.charAt(end))) {
          end++;
        }
        int eq = raw.indexOf('=', i);
        if (eq < 0 || eq >= end) {
          throw SigV4Errors.notKeyValuePair(raw.substring(i, end), raw);
        }
        String value = raw.substring(eq + 1, end);
        if (keyIs(raw, i, eq, "Credential")) {
          credential = value;
        } else if (keyIs(raw, i, eq, "SignedHeaders")) {
          signedHeaders = value;
        } else if (keyIs(raw, i, eq, "Signature")) {
          signature = value;
        }
        i = end;
      }
    }
    if (credential == null || signature == null || signedHeaders == null || !hasDateHeader) {
      StringBuilder missing = new StringBuilder(256);
      if (credential == null) {
        missing.append(SigV4Errors.REQUIRES_CREDENTIAL);
      }
      if (signature == null) {
        missing.append(SigV4Errors.REQUIRES_SIGNATURE);
      }
      if (signedHeaders == null) {
        missing.append(SigV4Errors.REQUIRES_SIGNED_HEADERS);
      }
      if (!hasDateHeader) {
        missing.append(SigV4Errors.REQUIRES_DATE);
      }
      throw SigV4Errors.missingParts(missing.toString(), raw);
    }
    String[] scope = splitCredential(credential);
    if (scope == null) {
      throw SigV4Errors.malformedCredential(credential);
    }
    return new AuthorizationHeader(
        raw, credential, scope[0], scope[1], scope[2], scope[3], scope[4], signedHeaders, signature);
  }

  /** Splits into exactly five non-empty-access-key elements, or returns null. */
  private static String[] splitCredential(String credential) {
    String[] parts = new String[5];
    int start = 0;
    for (int p = 0; p < 4; p++) {
      int slash = credential.indexOf('/', start);
      if (slash < 0) {
        return null;
      }
      parts[p] = credential.substring(start, slash);
      start = slash + 1;
    }
    if (credential.indexOf('/', start) >= 0 || parts[0].isEmpty()) {
      return null;
    }
    parts[4] = credential.substring(start);
    return parts;
  }

  private static boolean keyIs(String s, int from, int to, String key) {
    return to - from == key.length() && s.regionMatches(from, key, 0, key.length());
  }

  private static int skipWhitespace(String s, int i) {
    while (i < s.length() && isWhitespace(s.charAt(i))) {
      i++;
    }
    return i;
  }

  private static boolean isWhitespace(char c) {
    return c == ' ' || c == '\t';
  }

  /** Never prints the signature. */
  @Override
  public String toString() {
    return "AuthorizationHeader[credential=" + credential + ", signedHeaders=" + signedHeaders + "]";
  }
}
