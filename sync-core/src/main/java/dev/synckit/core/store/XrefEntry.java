package dev.synckit.core.store;

import dev.synckit.canonical.SourceSystem;
import java.util.Objects;

/**
 * One cross-reference: a canonical record's id in one platform. Immutable and thread-safe.
 *
 * @param entityType the canonical entity type, e.g. {@code customer}
 * @param canonicalId the canonical id
 * @param system the platform
 * @param systemId the platform's id of the record
 */
public record XrefEntry(String entityType, String canonicalId, SourceSystem system, String systemId) {
    public XrefEntry {
        Objects.requireNonNull(entityType, "entityType");
        Objects.requireNonNull(canonicalId, "canonicalId");
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(systemId, "systemId");
    }
}
