package dev.synckit.core.internal;

import dev.synckit.canonical.SourceSystem;
import dev.synckit.core.Envelope;
import dev.synckit.core.mapping.CodeTable;
import dev.synckit.core.mapping.MappingContext;
import dev.synckit.core.store.XrefStore;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The mapping context of the engine and of {@link MappingContext#create}: cross-reference look-ups,
 * canonical ids derived from platform ids, code tables, the clock, and the envelope being delivered.
 * Thread-safe.
 */
public final class StandaloneMappingContext implements MappingContext {
    private final XrefStore xref;
    private final Map<String, CodeTable> codeTables;
    private final Clock clock;
    private final @Nullable Envelope envelope;

    private StandaloneMappingContext(XrefStore xref, Map<String, CodeTable> codeTables, Clock clock,
            @Nullable Envelope envelope) {
        this.xref = Objects.requireNonNull(xref, "xref");
        this.codeTables = Map.copyOf(codeTables);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.envelope = envelope;
    }

    public static StandaloneMappingContext create(XrefStore xref, Map<String, CodeTable> codeTables, Clock clock) {
        return new StandaloneMappingContext(xref, codeTables, clock, null);
    }

    /** The same context for delivering one envelope. */
    public StandaloneMappingContext with(Envelope current) {
        return new StandaloneMappingContext(xref, codeTables, clock, current);
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
        return xref.canonicalId(entityType, system, systemId).orElseGet(() -> derive(entityType, system, systemId));
    }

    /** {@code customer-<name-based UUID of system, type and id>}: stable across processes. */
    public static String derive(String entityType, SourceSystem system, String systemId) {
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
