/**
 * The admin listener: Prometheus metrics ({@code /metrics}), health ({@code /health/live},
 * {@code /health/ready}) and the web console ({@code /console/}) on a port of their own, apart from
 * the KMS API.
 */
package trent.server.admin;
