package dev.synckit.netsuite;

import dev.synckit.canonical.SourceSystem;
import dev.synckit.core.Envelope;
import dev.synckit.core.mapping.CodeTable;
import dev.synckit.core.mapping.MappingContext;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** A mapping context with a hand-filled cross-reference and code tables. Not thread-safe; tests only. */
final class FakeMappingContext implements MappingContext {

    private final Map<String, String> xref = new HashMap<>();
    private final Map<String, CodeTable> tables = new HashMap<>();

    FakeMappingContext knows(String entityType, String canonicalId, String netSuiteId) {
        xref.put(entityType + "/" + canonicalId, netSuiteId);
        return this;
    }

    FakeMappingContext table(CodeTable table) {
        tables.put(table.name(), table);
        return this;
    }

    @Override
    public Optional<String> systemId(String entityType, String canonicalId, SourceSystem system) {
        return system.equals(SourceSystem.NETSUITE) ? Optional.ofNullable(xref.get(entityType + "/" + canonicalId))
                : Optional.empty();
    }

    @Override
    public Optional<String> canonicalId(String entityType, SourceSystem system, String systemId) {
        return Optional.empty();
    }

    @Override
    public String canonicalIdFor(String entityType, SourceSystem system, String systemId) {
        return system.id() + "-" + systemId;
    }

    @Override
    public Optional<CodeTable> codeTable(String name) {
        return Optional.ofNullable(tables.get(name));
    }

    @Override
    public Optional<Envelope> envelope() {
        return Optional.empty();
    }

    @Override
    public Instant now() {
        return Instant.parse("2024-01-04T08:50:20Z");
    }
}
