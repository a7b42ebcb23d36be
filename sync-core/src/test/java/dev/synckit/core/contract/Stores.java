package dev.synckit.core.contract;

import dev.synckit.core.audit.AuditLog;
import dev.synckit.core.journal.Journal;
import dev.synckit.core.store.CheckpointStore;
import dev.synckit.core.store.IdempotencyStore;
import dev.synckit.core.store.XrefStore;

/** One implementation of every store, as a contract test receives them. */
public record Stores(Journal journal, CheckpointStore checkpoints, XrefStore xref, IdempotencyStore idempotency,
        AuditLog audit) {
}
