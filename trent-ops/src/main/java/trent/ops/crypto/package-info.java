/** Cryptographic data-plane operations (OPERATIONS.md, "Cryptographic data-plane operations"). */
package trent.ops.crypto;
