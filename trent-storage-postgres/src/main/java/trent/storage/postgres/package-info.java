/**
 * Trent's shared storage: the {@link trent.storage.Storage} SPI over a PostgreSQL database that
 * several Trent nodes use at once (pgjdbc driver, HikariCP pool, schema migrated by Flyway from
 * {@code db/migration/postgres}).
 *
 * <p>The entry point is {@link trent.storage.postgres.PostgresStorage#open}; everything else in the
 * package is internal. Its guarantees (read-committed writes with row locks, retried on deadlock,
 * durable commits, snapshot reads, uniqueness and optimistic versions across nodes, instant
 * precision) are stated
 * on {@link trent.storage.postgres.PostgresStorage}.
 *
 * <p>Like every storage implementation this package knows only {@code trent.storage}: no domain
 * rules, no cryptography, no clock. It stores what it is given and decides nothing.
 */
package trent.storage.postgres;
