package dev.synckit.core.contract;

import dev.synckit.core.audit.AuditLog;
import dev.synckit.core.journal.Journal;
import dev.synckit.core.store.CheckpointStore;
import dev.synckit.core.store.IdempotencyStore;
import dev.synckit.core.store.XrefStore;
import dev.synckit.testkit.MutableClock;

class InMemoryStoresTest extends StoreContractTest {
    @Override
    protected Stores create(MutableClock clock) {
        return new Stores(Journal.inMemory(clock), CheckpointStore.inMemory(), XrefStore.inMemory(),
                IdempotencyStore.inMemory(), AuditLog.inMemory());
    }
}
