/**
 * KMS keys: their identity (ids and ARNs), specs, usages, origins and states, and the rules by
 * which a key moves from one state to another.
 */
package trent.domain.key;
