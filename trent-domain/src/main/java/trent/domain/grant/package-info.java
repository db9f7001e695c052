/**
 * Grants on keys: creating, listing, retiring and revoking them, their tokens, and what a grant
 * allows (OPERATIONS.md "Grants"). Grants are read through an in-memory cache per key, so the data
 * plane decides without touching the disk; every change is announced through the
 * {@link trent.domain.key.KeyChangeListener} so that other nodes drop their copies too.
 */
package trent.domain.grant;
