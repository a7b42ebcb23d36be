package dev.synckit.core.multi;

import dev.synckit.canonical.Customer;
import dev.synckit.core.EntityBinding;
import dev.synckit.core.OutboundRoute;
import dev.synckit.core.RetrySettings;
import dev.synckit.core.RunSummary;
import dev.synckit.core.SyncEngine;
import dev.synckit.core.jdbc.SyncKitDatabase;
import java.time.Duration;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A host instance in its own JVM: an engine on the shared PostgreSQL journal that delivers the
 * {@code effects} route until the backlog is empty (or until it is killed).
 * Args: jdbc-url user schema owner workers lease-millis.
 */
public final class EngineChild {

    public static final String ROUTE = "effects";

    private EngineChild() {
    }

    public static void main(String[] args) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(args[0]);
        ds.setUser(args[1]);
        ds.setCurrentSchema(args[2]);
        String owner = args[3];
        int workers = Integer.parseInt(args[4]);
        Duration lease = Duration.ofMillis(Long.parseLong(args[5]));
        try (var pool = dev.synckit.core.contract.TestDatabases.pooled(ds, workers + 4)) {
            SyncKitDatabase db = SyncKitDatabase.create(pool);
            db.migrate();
            long start = System.nanoTime();
            try (SyncEngine engine = engine(db, pool, owner, workers, lease)) {
                RunSummary summary = engine.runUntilIdle(Duration.ofMinutes(5));
                System.out.printf("child %s idle=%s written=%d in %d ms%n", owner, summary.idle(), summary.written(),
                        (System.nanoTime() - start) / 1_000_000);
            }
        }
    }

    static SyncEngine engine(SyncKitDatabase db, javax.sql.DataSource ds, String owner, int workers, Duration lease) {
        return SyncEngine.builder()
                .database(db)
                .owner(owner)
                .workers(workers)
                .leaseDuration(lease)
                .idleWait(Duration.ofMillis(50))
                .outbound(OutboundRoute.builder(ROUTE, EntityBinding.customers(),
                                (Customer c, dev.synckit.core.mapping.MappingContext ctx) -> c.customAttributes().get("version"),
                                new EffectSink(ds, owner))
                        .retry(RetrySettings.defaults().withDelays(Duration.ofMillis(10), Duration.ofMillis(100)))
                        .claimSize(25)
                        .build())
                .build();
    }
}
