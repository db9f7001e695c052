/** Alias operations (OPERATIONS.md, "Aliases"). */
package trent.ops.aliases;
