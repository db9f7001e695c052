/**
 * A JUnit 5 extension that runs Trent inside the test's JVM: in memory, under a throwaway root
 * key, in development mode, on a free port. See {@link trent.junit.TrentExtension}.
 */
package trent.junit;
