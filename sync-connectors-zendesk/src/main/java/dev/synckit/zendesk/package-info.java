/**
 * The Zendesk Support connector: a client over core's HTTP path (API token or OAuth, per-minute and
 * incremental-export limiters, {@code Retry-After} honoured exactly), bulk job sinks for organizations and users,
 * tickets with idempotent creates and safe updates, cursor and incremental change sources, webhook intake with
 * signature verification, and the default canonical mappers.
 */
@NullMarked
package dev.synckit.zendesk;

import org.jspecify.annotations.NullMarked;
