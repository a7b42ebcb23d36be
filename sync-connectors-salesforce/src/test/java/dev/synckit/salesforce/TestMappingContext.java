package dev.synckit.salesforce;

import dev.synckit.canonical.SourceSystem;
import dev.synckit.core.Envelope;
import dev.synckit.core.mapping.CodeTable;
import dev.synckit.core.mapping.MappingContext;
import java.time.Instant;
import java.util.Optional;

/** Derives canonical ids as {@code sf-<id>}; knows nothing else. Thread-safe. */
class TestMappingContext implements MappingContext {
    @Override
    public Optional<String> systemId(String entityType, String canonicalId, SourceSystem system) {
        return Optional.empty();
    }

    @Override
    public Optional<String> canonicalId(String entityType, SourceSystem system, String systemId) {
        return Optional.empty();
    }

    @Override
    public String canonicalIdFor(String entityType, SourceSystem system, String systemId) {
        return "sf-" + systemId;
    }

    @Override
    public Optional<CodeTable> codeTable(String name) {
        return Optional.empty();
    }

    @Override
    public Optional<Envelope> envelope() {
        return Optional.empty();
    }

    @Override
    public Instant now() {
        return Instant.parse("2024-05-01T00:00:00Z");
    }
}
