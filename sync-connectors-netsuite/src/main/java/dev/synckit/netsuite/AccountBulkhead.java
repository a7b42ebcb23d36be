package dev.synckit.netsuite;

import dev.synckit.canonical.SourceSystem;
import dev.synckit.core.failure.ErrorDetails;
import dev.synckit.core.failure.TransientException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client-side concurrency bulkhead of one NetSuite account: a fair semaphore sized to the account's limit,
 * shared by every {@link NetSuiteClient} of the same account and host in this process, so that the process never
 * has more requests in flight than NetSuite admits (it would answer 429 {@code CONCURRENCY_LIMIT_EXCEEDED}). Fair,
 * so waiting workers go in arrival order and none starves, and it waits rather than refusing. Kept beside core's
 * {@code ConnectorResilience} (whose Failsafe bulkhead refuses after its in-call wait and is per pipeline instance,
 * not per account): the pipeline runs inside this bulkhead. Thread-safe.
 */
final class AccountBulkhead {

    private static final Logger LOG = LoggerFactory.getLogger(AccountBulkhead.class);
    private static final Map<String, AccountBulkhead> SHARED = new ConcurrentHashMap<>();

    private final int limit;
    private final Semaphore permits;

    private AccountBulkhead(int limit) {
        this.limit = limit;
        this.permits = new Semaphore(limit, true);
    }

    /** The bulkhead of the config's account and host; the first config to ask fixes its size. */
    static AccountBulkhead of(NetSuiteConfig config) {
        String key = config.accountId().toUpperCase(java.util.Locale.ROOT) + " " + config.baseUri();
        AccountBulkhead b = SHARED.computeIfAbsent(key, k -> new AccountBulkhead(config.concurrencyLimit()));
        if (b.limit != config.concurrencyLimit()) {
            LOG.warn("NetSuite account {} already has a bulkhead of {} permits; ignoring concurrencyLimit {}",
                    config.accountId(), b.limit, config.concurrencyLimit());
        }
        return b;
    }

    int limit() {
        return limit;
    }

    /** Requests that may start now without waiting. */
    int available() {
        return permits.availablePermits();
    }

    <T> T call(Supplier<T> work) {
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientException("interrupted while waiting for a NetSuite concurrency slot",
                    ErrorDetails.of(SourceSystem.NETSUITE).withPlatformCode("INTERRUPTED"), e);
        }
        try {
            return work.get();
        } finally {
            permits.release();
        }
    }

    @Override
    public String toString() {
        return "AccountBulkhead[limit=" + limit + ", available=" + permits.availablePermits() + "]";
    }
}
