package dev.synckit.core.audit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/** Thread-safe through one lock. Keeps everything: for tests and short runs. */
final class InMemoryAuditLog implements AuditLog {
    private final List<AuditEntry> entries = new ArrayList<>();

    @Override
    public synchronized void record(Collection<AuditEntry> batch) {
        entries.addAll(batch);
    }

    @Override
    public synchronized List<AuditEntry> forRecord(String recordId, int limit) {
        List<AuditEntry> found = new ArrayList<>();
        for (AuditEntry e : entries) {
            if (e.recordId().equals(recordId)) {
                found.add(e);
            }
        }
        Collections.reverse(found);
        return List.copyOf(found.subList(0, Math.min(limit, found.size())));
    }
}
