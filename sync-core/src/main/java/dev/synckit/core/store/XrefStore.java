package dev.synckit.core.store;

import dev.synckit.canonical.SourceSystem;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * The cross-reference of canonical ids to platform ids (Salesforce Account Id ⇄ NetSuite customer
 * internal id ⇄ Zendesk organization id). One canonical id has at most one id per platform and entity
 * type, and one platform id belongs to one canonical id. Implementations must be thread-safe.
 */
public interface XrefStore {

    /** An in-memory store for tests and single-process use. */
    static XrefStore inMemory() {
        return new InMemoryXrefStore();
    }

    Optional<String> systemId(String entityType, String canonicalId, SourceSystem system);

    Optional<String> canonicalId(String entityType, SourceSystem system, String systemId);

    /** The platform ids of several canonical ids at once (absent ones are left out). */
    default Map<String, String> systemIds(String entityType, Collection<String> canonicalIds, SourceSystem system) {
        Map<String, String> found = new java.util.LinkedHashMap<>();
        for (String id : canonicalIds) {
            systemId(entityType, id, system).ifPresent(s -> found.put(id, s));
        }
        return found;
    }

    /**
     * Records entries; an entry already present is left alone. A platform id that already belongs to
     * another canonical id is a conflict.
     *
     * @throws dev.synckit.core.failure.ConflictException when an entry contradicts a stored one
     */
    void putAll(Collection<XrefEntry> entries);

    default void put(XrefEntry entry) {
        putAll(java.util.List.of(entry));
    }
}
