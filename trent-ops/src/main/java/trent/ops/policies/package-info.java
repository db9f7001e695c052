/** Key policy operations (OPERATIONS.md, "Key policies"). A key has one policy, named {@code default}. */
package trent.ops.policies;
