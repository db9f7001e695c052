/** The Netty pipeline: HTTP/1.1 decoding with bounded sizes, keep-alive, and graceful shutdown. */
package trent.protocol.http;
