package dev.synckit.zendesk;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.synckit.canonical.SourceSystem;
import dev.synckit.core.spi.RecordSink;
import dev.synckit.core.spi.SinkRecord;
import dev.synckit.core.spi.WriteOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Writes users with {@code users/create_or_update_many} jobs (matched by external id or e-mail), at most 30 jobs
 * of 100 in flight. Results come back without input order and with {@code index} only on failures, so each is
 * matched by {@code index}, {@code external_id} or {@code email}. Needs bulk imports enabled for the account
 * (otherwise every record fails with Zendesk's 403). Thread-safe (each call has its own state).
 */
public final class ZendeskUserSink implements RecordSink<ZendeskRecord> {

    /** Records per {@link #upsert} call. */
    public static final int MAX_BATCH_SIZE = 3000;

    private final ZendeskClient client;

    private ZendeskUserSink(ZendeskClient client) {
        this.client = client;
    }

    public static ZendeskUserSink create(ZendeskClient client) {
        return new ZendeskUserSink(Objects.requireNonNull(client, "client"));
    }

    @Override
    public SourceSystem system() {
        return SourceSystem.ZENDESK;
    }

    @Override
    public String recordType() {
        return "user";
    }

    @Override
    public int maxBatchSize() {
        return MAX_BATCH_SIZE;
    }

    @Override
    public List<WriteOutcome> upsert(List<SinkRecord<ZendeskRecord>> batch) {
        Objects.requireNonNull(batch, "batch");
        List<ObjectNode> bodies = new ArrayList<>(batch.size());
        batch.forEach(r -> bodies.add(r.record().body()));
        List<BulkJobs.ItemResult> results = new BulkJobs(client).run(bodies, client::createOrUpdateManyUsers, null);
        List<WriteOutcome> out = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            out.add(ZendeskOrganizationSink.outcome(batch.get(i), results.get(i)));
        }
        return out;
    }

    @Override
    public String toString() {
        return "ZendeskUserSink[" + client + "]";
    }
}
