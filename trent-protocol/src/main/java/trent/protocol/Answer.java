package trent.protocol;

/**
 * The HTTP answer to one request.
 *
 * @param operation the operation name, or null when the request named none we know
 * @param errorCode the {@code __type} sent, or null on success
 */
public record Answer(int status, byte[] body, String operation, String errorCode) {}
