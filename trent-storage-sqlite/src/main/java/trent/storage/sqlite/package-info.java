/**
 * Trent's embedded storage: the {@link trent.storage.Storage} SPI over one SQLite database file
 * (xerial JDBC driver, schema migrated by Flyway from {@code db/migration/sqlite}).
 *
 * <p>The entry point is {@link trent.storage.sqlite.SqliteStorage#open}; everything else in the
 * package is internal. Its guarantees (durability with WAL and {@code synchronous=FULL}, group
 * commit with one savepoint per caller, snapshot reads, instant precision) are stated on
 * {@link trent.storage.sqlite.SqliteStorage}.
 *
 * <p>Like every storage implementation this package knows only {@code trent.storage}: no domain
 * rules, no cryptography, no clock. It stores what it is given and decides nothing.
 */
package trent.storage.sqlite;
