/** Custom key store operations (OPERATIONS.md, "Custom key stores (CloudHSM and external)"). */
package trent.ops.customkeystores;
