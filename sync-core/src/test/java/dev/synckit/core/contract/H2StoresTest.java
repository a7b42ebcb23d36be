package dev.synckit.core.contract;

import dev.synckit.core.jdbc.SyncKitDatabase;
import dev.synckit.testkit.MutableClock;

class H2StoresTest extends StoreContractTest {
    @Override
    protected Stores create(MutableClock clock) {
        SyncKitDatabase db = SyncKitDatabase.builder(TestDatabases.h2()).clock(clock).build();
        db.migrate();
        return new Stores(db.journal(), db.checkpointStore(), db.xrefStore(), db.idempotencyStore(), db.auditLog());
    }
}
