/** The {@code trent} command line (picocli). */
package trent.cli;
