/**
 * The imported key material operations of OPERATIONS.md "Imported key material": one class per
 * operation, over {@code trent.domain.key.Imports}.
 */
package trent.ops.imports;
