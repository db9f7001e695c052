/** Aliases: names that point at keys, and the rules for their names and targets. */
package trent.domain.alias;
