package dev.synckit.netsuite;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * {@code X-NetSuite-Idempotency-Key} values: name-based UUIDs (RFC 4122 version 3) of what a request carries, so
 * that a resend of the same journal entries after a lost answer carries the same key and NetSuite answers
 * {@code IDEMPOTENCY_ERROR} with the original job instead of running it twice. Never derived from an attempt
 * number. Stateless and thread-safe.
 */
public final class IdempotencyKeys {

    private IdempotencyKeys() {
    }

    /**
     * The key of a batch: the operation, the record type and the ids of the journal entries (or events) in it, in
     * order.
     */
    public static UUID forBatch(String operation, String recordType, List<String> entryIds) {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(recordType, "recordType");
        if (entryIds.isEmpty()) {
            throw new IllegalArgumentException("a batch has at least one entry");
        }
        StringBuilder name = new StringBuilder("synckit:netsuite:").append(operation).append(':').append(recordType);
        entryIds.forEach(id -> name.append('\n').append(Objects.requireNonNull(id, "entryId")));
        return UUID.nameUUIDFromBytes(name.toString().getBytes(StandardCharsets.UTF_8));
    }
}
