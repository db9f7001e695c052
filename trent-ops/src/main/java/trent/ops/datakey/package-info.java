/** Data key operations (OPERATIONS.md, "Data keys and data key pairs"). */
package trent.ops.datakey;
