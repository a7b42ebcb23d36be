package dev.synckit.core;

import dev.synckit.canonical.SourceSystem;
import dev.synckit.core.mapping.CodeTable;
import dev.synckit.core.mapping.MappingContext;
import dev.synckit.core.store.XrefStore;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The engine's mapping context: the xref store, code tables and clock; one per envelope on the outbound side. Thread-safe. */
final class EngineMappingContext implements MappingContext {
    private final XrefStore xref;
    private final Map<String, CodeTable> codeTables;
    private final Clock clock;
    private final @Nullable Envelope envelope;

    EngineMappingContext(XrefStore xref, Map<String, CodeTable> codeTables, Clock clock, @Nullable Envelope envelope) {
        this.xref = xref;
        this.codeTables = codeTables;
        this.clock = clock;
        this.envelope = envelope;
    }

    EngineMappingContext with(Envelope current) {
        return new EngineMappingContext(xref, codeTables, clock, current);
    }

    @Override
    public Optional<String> systemId(String entityType, String canonicalId, SourceSystem system) {
        return xref.systemId(entityType, canonicalId, system);
    }

    @Override
    public Optional<String> canonicalId(String entityType, SourceSystem system, String systemId) {
        return xref.canonicalId(entityType, system, systemId);
    }

    @Override
    public String canonicalIdFor(String entityType, SourceSystem system, String systemId) {
        return xref.canonicalId(entityType, system, systemId)
                .orElseGet(() -> derive(entityType, system, systemId));
    }

    /** {@code customer-<name-based UUID of system, type and id>}: stable across processes. */
    static String derive(String entityType, SourceSystem system, String systemId) {
        return entityType + "-" + Envelope.deriveId(system.id() + '|' + entityType + '|' + systemId);
    }

    @Override
    public Optional<CodeTable> codeTable(String name) {
        return Optional.ofNullable(codeTables.get(name));
    }

    @Override
    public Optional<Envelope> envelope() {
        return Optional.ofNullable(envelope);
    }

    @Override
    public Instant now() {
        return clock.instant();
    }
}
