/**
 * Loopback HTTP simulators of the platforms SyncKit talks to, with fault injection, a request log and a
 * JUnit 5 extension; written from the platforms' documentation, never from SyncKit's own clients.
 */
@org.jspecify.annotations.NullMarked
package dev.synckit.testkit;
