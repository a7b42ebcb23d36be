package dev.synckit.core.contract;

import dev.synckit.core.jdbc.SyncKitDatabase;
import dev.synckit.testkit.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.postgresql.ds.PGSimpleDataSource;

class PostgresStoresIntegrationTest extends StoreContractTest {
    private PGSimpleDataSource ds;

    @Override
    protected Stores create(MutableClock clock) {
        ds = TestDatabases.postgres();
        SyncKitDatabase db = SyncKitDatabase.builder(ds).clock(clock).build();
        db.migrate();
        return new Stores(db.journal(), db.checkpointStore(), db.xrefStore(), db.idempotencyStore(), db.auditLog());
    }

    @AfterEach
    void dropSchema() {
        if (ds != null) {
            TestDatabases.drop(ds);
        }
    }
}
