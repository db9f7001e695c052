/**
 * What the JDBC stores ({@code trent.storage.sqlite}, {@code trent.storage.postgres}) share: the
 * repositories whose SQL is the same in both, written once over {@link trent.storage.jdbc.SqlSession},
 * which each store's transaction implements, and the column conversions in
 * {@link trent.storage.jdbc.JdbcColumns}.
 *
 * <p>This package is internal to the storage implementations: nothing above the storage layer uses
 * it. Like them it knows only {@code trent.storage}.
 */
package trent.storage.jdbc;
