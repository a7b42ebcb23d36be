package dev.synckit.core.audit;

import java.util.Collection;
import java.util.List;

/** Where audit entries go. Implementations must be thread-safe; {@link #record} takes a batch. */
public interface AuditLog {

    /** An in-memory log for tests and single-process use. */
    static AuditLog inMemory() {
        return new InMemoryAuditLog();
    }

    /** A log that keeps nothing. */
    static AuditLog none() {
        return new AuditLog() {
            @Override
            public void record(Collection<AuditEntry> entries) {
            }

            @Override
            public List<AuditEntry> forRecord(String recordId, int limit) {
                return List.of();
            }
        };
    }

    void record(Collection<AuditEntry> entries);

    /** The newest entries of a record, newest first. */
    List<AuditEntry> forRecord(String recordId, int limit);
}
