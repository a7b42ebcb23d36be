package dev.synckit.core.journal;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Which dead letters to list: by route, error code, business key (or source record id), time and
 * status; oldest first, at most {@code limit}. Immutable and thread-safe; {@code with...} returns copies.
 */
public record DeadLetterQuery(@Nullable String route, @Nullable String code, @Nullable String recordId,
        @Nullable Instant from, @Nullable Instant to, @Nullable DeadLetterStatus status, int limit) {

    public DeadLetterQuery {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be >= 1, was " + limit);
        }
    }

    /** Open dead letters of every route, at most 100. */
    public static DeadLetterQuery open() {
        return new DeadLetterQuery(null, null, null, null, null, DeadLetterStatus.OPEN, 100);
    }

    /** Every dead letter of a route, whatever its status, at most 1,000. */
    public static DeadLetterQuery route(String route) {
        return new DeadLetterQuery(Objects.requireNonNull(route, "route"), null, null, null, null, null, 1000);
    }

    public DeadLetterQuery withRoute(@Nullable String value) {
        return new DeadLetterQuery(value, code, recordId, from, to, status, limit);
    }

    public DeadLetterQuery withCode(@Nullable String value) {
        return new DeadLetterQuery(route, value, recordId, from, to, status, limit);
    }

    public DeadLetterQuery withRecordId(@Nullable String value) {
        return new DeadLetterQuery(route, code, value, from, to, status, limit);
    }

    /** Created at or after {@code fromInclusive} and before {@code toExclusive} (either may be null). */
    public DeadLetterQuery between(@Nullable Instant fromInclusive, @Nullable Instant toExclusive) {
        return new DeadLetterQuery(route, code, recordId, fromInclusive, toExclusive, status, limit);
    }

    public DeadLetterQuery withStatus(@Nullable DeadLetterStatus value) {
        return new DeadLetterQuery(route, code, recordId, from, to, value, limit);
    }

    public DeadLetterQuery withLimit(int value) {
        return new DeadLetterQuery(route, code, recordId, from, to, status, value);
    }

    /** Whether a dead letter matches (used by in-memory stores; JDBC stores query in SQL). */
    public boolean matches(DeadLetter d) {
        return (route == null || route.equals(d.route()))
                && (code == null || code.equals(d.failure().code()))
                && (recordId == null || recordId.equals(d.recordId()))
                && (from == null || !d.createdAt().isBefore(from))
                && (to == null || d.createdAt().isBefore(to))
                && (status == null || status == d.status());
    }

    public Optional<String> routeOptional() {
        return Optional.ofNullable(route);
    }
}
