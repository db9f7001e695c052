/**
 * The audit log: one JSON line per request, in CloudTrail's record shape, written off the request
 * threads through a bounded queue to a size-rotated file or to standard output.
 */
package trent.server.audit;
