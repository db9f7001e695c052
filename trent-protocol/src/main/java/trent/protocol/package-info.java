/**
 * The wire: AWS JSON 1.1 over HTTP. Decodes requests, authenticates them (SigV4), checks the
 * model's constraints, dispatches to the operation table, and renders results and errors.
 *
 * <p>This is the only layer that knows HTTP and JSON; the only place that turns exceptions into
 * {@code {"__type", "message"}} bodies.
 */
package trent.protocol;
