/** Key lifecycle operations (OPERATIONS.md, "Key lifecycle"). */
package trent.ops.keys;
