/**
 * Builds the audit event of an answered request from what the dispatcher saw. The allow-lists of
 * request and response members that may appear in an event live here, next to the wire names
 * they read. Where events are written is the server's business.
 */
package trent.protocol.audit;
