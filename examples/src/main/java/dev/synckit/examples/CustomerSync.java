package dev.synckit.examples;

import dev.synckit.canonical.Customer;
import dev.synckit.canonical.SourceSystem;
import dev.synckit.core.EntityBinding;
import dev.synckit.core.InboundRoute;
import dev.synckit.core.OutboundRoute;
import dev.synckit.core.RetrySettings;
import dev.synckit.core.RunSummary;
import dev.synckit.core.SyncEngine;
import dev.synckit.core.auth.Secret;
import dev.synckit.core.jdbc.SyncKitDatabase;
import dev.synckit.core.journal.DeadLetter;
import dev.synckit.netsuite.CustomerToNetSuiteMapper;
import dev.synckit.netsuite.NetSuiteClient;
import dev.synckit.netsuite.NetSuiteConfig;
import dev.synckit.netsuite.NetSuiteCustomerSink;
import dev.synckit.netsuite.NetSuiteRecord;
import dev.synckit.netsuite.TbaCredentials;
import dev.synckit.salesforce.AccountToCustomerMapper;
import dev.synckit.salesforce.SObjectRecord;
import dev.synckit.salesforce.SalesforceChangeSource;
import dev.synckit.salesforce.SalesforceClient;
import dev.synckit.salesforce.SalesforceConfig;
import dev.synckit.salesforce.SalesforceCredentials;
import dev.synckit.testkit.netsuite.NetSuiteSimulator;
import dev.synckit.testkit.salesforce.SalesforceSimulator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The customer master sync, wired once: Salesforce Accounts → canonical {@link Customer} → NetSuite
 * customers, upserted by external id with the parent resolved through the cross-reference. One run
 * builds a fresh engine (in-memory stores), syncs until idle and reports what happened.
 * Not thread-safe; use one instance per run.
 */
public final class CustomerSync {

    /** Route ids: they name checkpoints and dead letters. */
    public static final String SOURCE_ROUTE = "salesforce-accounts";
    public static final String TARGET_ROUTE = "netsuite-customers";

    static final String SF_CLIENT_ID = "synckit-example";
    static final String SF_CLIENT_SECRET = "example-client-secret";
    static final String NS_CONSUMER_KEY = "example-consumer-key";
    static final String NS_CONSUMER_SECRET = "example-consumer-secret";
    static final String NS_TOKEN_ID = "example-token-id";
    static final String NS_TOKEN_SECRET = "example-token-secret";

    /**
     * What one run did.
     *
     * @param summary the engine's counters
     * @param salesforceCalls requests our Salesforce client sent (token requests included)
     * @param netsuiteCalls requests our NetSuite client sent
     * @param deadLetters every dead letter of both routes
     */
    public record Result(RunSummary summary, long salesforceCalls, long netsuiteCalls, List<DeadLetter> deadLetters) {
    }

    private final SalesforceSimulator salesforce;
    private final NetSuiteSimulator netsuite;

    public CustomerSync(SalesforceSimulator salesforce, NetSuiteSimulator netsuite) {
        this.salesforce = Objects.requireNonNull(salesforce, "salesforce");
        this.netsuite = Objects.requireNonNull(netsuite, "netsuite");
    }

    /** Registers the example's credentials with both simulators. */
    public void registerCredentials() {
        salesforce.registerClient(SF_CLIENT_ID, SF_CLIENT_SECRET);
        netsuite.registerToken(NS_CONSUMER_KEY, NS_CONSUMER_SECRET, NS_TOKEN_ID, NS_TOKEN_SECRET);
    }

    /** Syncs with a fresh engine of two workers on in-memory stores, until it is idle. */
    public Result run(Duration timeout) {
        return run(timeout, 2, null);
    }

    /** Syncs with a fresh engine on in-memory stores, until it is idle. */
    public Result run(Duration timeout, int workers) {
        return run(timeout, workers, null);
    }

    /**
     * Syncs with a fresh engine, until it is idle.
     *
     * @param database the durable stores (journal, checkpoints, cross-reference...), or {@code null} for
     *     in-memory ones: with a database, a second run resumes from the saved checkpoint
     */
    public Result run(Duration timeout, int workers, @Nullable SyncKitDatabase database) {
        SalesforceClient sfClient = SalesforceClient.create(SalesforceConfig.builder()
                .loginUrl(salesforce.baseUri())
                .credentials(new SalesforceCredentials.ClientCredentials(SF_CLIENT_ID, Secret.of(SF_CLIENT_SECRET)))
                .build());
        NetSuiteClient nsClient = NetSuiteClient.create(NetSuiteConfig.builder(netsuite.accountId(),
                        TbaCredentials.of(NS_CONSUMER_KEY, NS_CONSUMER_SECRET, NS_TOKEN_ID, NS_TOKEN_SECRET))
                .baseUri(netsuite.baseUri())
                .build());

        InboundRoute<SObjectRecord, Customer> accounts = InboundRoute.builder(SOURCE_ROUTE,
                        SalesforceChangeSource.accounts(sfClient), AccountToCustomerMapper.create(), EntityBinding.customers())
                .pollInterval(Duration.ofSeconds(5))
                .build();
        OutboundRoute<Customer, NetSuiteRecord> customers = OutboundRoute.builder(TARGET_ROUTE,
                        EntityBinding.customers(), CustomerToNetSuiteMapper.from(nsClient.config()),
                        NetSuiteCustomerSink.create(nsClient))
                // a child waits for its parent (DEPENDENCY_PENDING): retry soon and often enough
                .retry(RetrySettings.defaults().withMaxAttempts(12).withDelays(Duration.ofMillis(50), Duration.ofSeconds(2)))
                .claimSize(40)
                .build();

        SyncEngine.Builder builder = SyncEngine.builder();
        if (database != null) {
            builder.database(database);
        }
        try (SyncEngine engine = builder
                .inbound(accounts)
                .outbound(customers)
                .workers(workers)
                .idleWait(Duration.ofMillis(50))
                .build()) {
            RunSummary summary = engine.runUntilIdle(timeout);
            List<DeadLetter> dead = new java.util.ArrayList<>(engine.journal().deadLetters(SOURCE_ROUTE, 10_000));
            dead.addAll(engine.journal().deadLetters(TARGET_ROUTE, 10_000));
            return new Result(summary, sfClient.requestCount() + sfClient.tokenRequestCount(),
                    nsClient.requestCount(), dead);
        }
    }

    /**
     * Checks the hierarchy in NetSuite against Salesforce: for every account with a parent, the NetSuite
     * customer's {@code parent} must be the NetSuite customer of that parent account.
     *
     * @return {resolved, expected}
     */
    public long[] parentsResolved() {
        long expected = 0;
        long resolved = 0;
        for (Map<String, Object> account : salesforce.records("Account")) {
            Object parentId = account.get("ParentId");
            if (parentId == null) {
                continue;
            }
            expected++;
            String child = externalIdOf((String) account.get("Id"));
            String parent = externalIdOf((String) parentId);
            var childRecord = netsuite.recordByExternalId("customer", child);
            var parentRecord = netsuite.recordByExternalId("customer", parent);
            if (childRecord.isPresent() && parentRecord.isPresent()
                    && childRecord.get().get("parent") instanceof Map<?, ?> ref
                    && String.valueOf(ref.get("id")).equals(String.valueOf(parentRecord.get().get("id")))) {
                resolved++;
            }
        }
        return new long[] {resolved, expected};
    }

    /** The NetSuite external id of a Salesforce account: derived from its canonical id, as the mappers do. */
    static String externalIdOf(String accountId) {
        return dev.synckit.netsuite.ExternalIds.fromCanonicalId(
                "customer-" + dev.synckit.core.Envelope.deriveId(SourceSystem.SALESFORCE.id() + "|customer|" + accountId));
    }
}
