/** Grant operations (OPERATIONS.md, "Grants"). */
package trent.ops.grants;
