/**
 * A stateful simulator of the Zendesk Support API (organizations, users, tickets, job statuses, cursor and
 * incremental exports, per-minute rate limits) and a webhook sender that signs what it sends.
 */
@org.jspecify.annotations.NullMarked
package dev.synckit.testkit.zendesk;
