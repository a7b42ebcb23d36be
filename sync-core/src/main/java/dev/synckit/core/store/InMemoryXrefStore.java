package dev.synckit.core.store;

import dev.synckit.canonical.SourceSystem;
import dev.synckit.core.failure.ConflictException;
import dev.synckit.core.failure.ErrorDetails;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Thread-safe through one lock; both directions change together. */
final class InMemoryXrefStore implements XrefStore {

    private record Forward(String entityType, String canonicalId, SourceSystem system) {
    }

    private record Backward(String entityType, SourceSystem system, String systemId) {
    }

    private final Map<Forward, String> forward = new HashMap<>();
    private final Map<Backward, String> backward = new HashMap<>();

    @Override
    public synchronized Optional<String> systemId(String entityType, String canonicalId, SourceSystem system) {
        return Optional.ofNullable(forward.get(new Forward(entityType, canonicalId, system)));
    }

    @Override
    public synchronized Optional<String> canonicalId(String entityType, SourceSystem system, String systemId) {
        return Optional.ofNullable(backward.get(new Backward(entityType, system, systemId)));
    }

    @Override
    public synchronized void putAll(Collection<XrefEntry> entries) {
        for (XrefEntry e : entries) {
            Forward f = new Forward(e.entityType(), e.canonicalId(), e.system());
            Backward b = new Backward(e.entityType(), e.system(), e.systemId());
            String owner = backward.get(b);
            if (owner != null && !owner.equals(e.canonicalId())) {
                throw new ConflictException(e.system().id() + " " + e.entityType() + " " + e.systemId()
                        + " already belongs to canonical id " + owner,
                        ErrorDetails.of(e.system()).withPlatformCode("XREF_CONFLICT").withRecordId(e.canonicalId()));
            }
            String previous = forward.get(f);
            if (previous != null && !previous.equals(e.systemId())) {
                // the platform re-created the record under a new id: the newest id wins
                backward.remove(new Backward(e.entityType(), e.system(), previous));
            }
            forward.put(f, e.systemId());
            backward.put(b, e.canonicalId());
        }
    }
}
