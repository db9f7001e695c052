/**
 * The admin listener: Prometheus metrics ({@code /metrics}) and health ({@code /health/live},
 * {@code /health/ready}) on a port of their own, apart from the KMS API.
 */
package trent.server.admin;
