/**
 * GetKeyLastUsage: the last successful cryptographic use of each key, kept in memory on the data
 * plane's path and written to storage in batches by a background task.
 */
package trent.domain.usage;
