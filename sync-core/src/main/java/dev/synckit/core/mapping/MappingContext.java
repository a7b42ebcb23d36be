package dev.synckit.core.mapping;

import dev.synckit.canonical.SourceSystem;
import dev.synckit.core.Envelope;
import java.time.Instant;
import java.util.Optional;

/**
 * What a mapper may consult: cross-references between canonical ids and platform ids, code tables,
 * the current time and, for outbound mappers, the envelope being delivered. Implementations are
 * thread-safe; one context may serve many mappings at once.
 */
public interface MappingContext {

    /**
     * A context for mapping outside an engine (webhook intake, tools, tests): look-ups in the given
     * cross-reference, derived canonical ids as the engine derives them, the given code tables and clock.
     */
    static MappingContext create(dev.synckit.core.store.XrefStore xref, java.util.Map<String, CodeTable> codeTables,
            java.time.Clock clock) {
        return dev.synckit.core.internal.StandaloneMappingContext.create(xref, codeTables, clock);
    }

    /** The platform id of a canonical record, if the cross-reference knows it. */
    Optional<String> systemId(String entityType, String canonicalId, SourceSystem system);

    /** The canonical id of a platform record, if the cross-reference knows it. */
    Optional<String> canonicalId(String entityType, SourceSystem system, String systemId);

    /**
     * The canonical id of a platform record: the known one, or a new one derived from the platform id
     * (the same platform record always gets the same derived id, even in a new process). A derived id
     * is not stored here; the engine stores it once the change is journaled.
     */
    String canonicalIdFor(String entityType, SourceSystem system, String systemId);

    /** A code table by name. */
    Optional<CodeTable> codeTable(String name);

    /** The envelope being delivered (outbound mappings only). */
    Optional<Envelope> envelope();

    /** Now, by the engine's clock. */
    Instant now();
}
