/**
 * The composition root: reads the configuration, builds one server's storage, root of trust,
 * keyring, domain, operation table and HTTP listener, runs its background tasks, and shuts it all
 * down in order. The only package that knows which implementations exist.
 */
package trent.server;
