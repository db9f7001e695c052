/**
 * Storage held in memory: for tests and throwaway servers ({@code trent serve --in-memory}, the
 * JUnit extension). It keeps every guarantee of the storage SPI except durability: everything is
 * gone when the store is closed or the process ends.
 */
package trent.storage.memory;
