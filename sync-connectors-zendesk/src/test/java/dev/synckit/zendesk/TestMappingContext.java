package dev.synckit.zendesk;

import dev.synckit.canonical.SourceSystem;
import dev.synckit.core.Envelope;
import dev.synckit.core.mapping.CodeTable;
import dev.synckit.core.mapping.MappingContext;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** A mapping context with a hand-filled Zendesk cross-reference. Thread-safe enough for tests (no writes after set-up). */
final class TestMappingContext implements MappingContext {

    private final Map<String, String> toZendesk = new HashMap<>();
    private final Map<String, String> toCanonical = new HashMap<>();

    TestMappingContext knows(String entityType, String canonicalId, String zendeskId) {
        toZendesk.put(entityType + "/" + canonicalId, zendeskId);
        toCanonical.put(entityType + "/" + zendeskId, canonicalId);
        return this;
    }

    @Override
    public Optional<String> systemId(String entityType, String canonicalId, SourceSystem system) {
        return system.equals(SourceSystem.ZENDESK) ? Optional.ofNullable(toZendesk.get(entityType + "/" + canonicalId))
                : Optional.empty();
    }

    @Override
    public Optional<String> canonicalId(String entityType, SourceSystem system, String systemId) {
        return system.equals(SourceSystem.ZENDESK) ? Optional.ofNullable(toCanonical.get(entityType + "/" + systemId))
                : Optional.empty();
    }

    @Override
    public String canonicalIdFor(String entityType, SourceSystem system, String systemId) {
        return canonicalId(entityType, system, systemId).orElse(system.id() + "-" + entityType + "-" + systemId);
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
        return Instant.parse("2026-01-01T00:00:00Z");
    }
}
