/** The tag operations of OPERATIONS.md "Tags": one class per operation, over {@code trent.domain.tag}. */
package trent.ops.tags;
