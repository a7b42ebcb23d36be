/**
 * A stateful simulator of NetSuite SuiteTalk REST record services with token-based authentication
 * (OAuth 1.0a, HMAC-SHA256) verification and concurrency governance.
 */
@org.jspecify.annotations.NullMarked
package dev.synckit.testkit.netsuite;
