/** The rotation operations of OPERATIONS.md "Rotation": one class per operation, over {@code trent.domain.key.Rotations}. */
package trent.ops.rotation;
