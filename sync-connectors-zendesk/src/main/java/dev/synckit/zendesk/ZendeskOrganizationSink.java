package dev.synckit.zendesk;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.synckit.canonical.SourceSystem;
import dev.synckit.core.failure.ErrorDetails;
import dev.synckit.core.failure.RejectedException;
import dev.synckit.core.failure.SyncException;
import dev.synckit.core.spi.RecordSink;
import dev.synckit.core.spi.SinkRecord;
import dev.synckit.core.spi.WriteOutcome;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Writes organizations in bulk jobs: records whose Zendesk id the cross-reference knows go to
 * {@code update_many} by id; the others to {@code create_many}, and those Zendesk refuses there because their
 * {@code external_id} is taken are looked up with {@code show_many?external_ids=} (100 per request) and updated
 * by id. So a first load costs about one request per 100 records plus a few polls, and a repeat never creates a
 * duplicate. Every input record gets exactly one outcome. Thread-safe (each call has its own state).
 */
public final class ZendeskOrganizationSink implements RecordSink<ZendeskRecord> {

    /** Records per {@link #upsert} call: 30 jobs of 100. */
    public static final int MAX_BATCH_SIZE = 3000;

    private final ZendeskClient client;

    private ZendeskOrganizationSink(ZendeskClient client) {
        this.client = client;
    }

    public static ZendeskOrganizationSink create(ZendeskClient client) {
        return new ZendeskOrganizationSink(Objects.requireNonNull(client, "client"));
    }

    @Override
    public SourceSystem system() {
        return SourceSystem.ZENDESK;
    }

    @Override
    public String recordType() {
        return "organization";
    }

    @Override
    public int maxBatchSize() {
        return MAX_BATCH_SIZE;
    }

    @Override
    public List<WriteOutcome> upsert(List<SinkRecord<ZendeskRecord>> batch) {
        Objects.requireNonNull(batch, "batch");
        WriteOutcome[] out = new WriteOutcome[batch.size()];
        List<Integer> toCreate = new ArrayList<>();
        List<Integer> toUpdate = new ArrayList<>();
        Map<Integer, Long> ids = new HashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            String known = batch.get(i).knownSystemId();
            if (known != null && known.matches("[0-9]+")) {
                ids.put(i, Long.parseLong(known));
                toUpdate.add(i);
            } else {
                toCreate.add(i);
            }
        }
        BulkJobs jobs = new BulkJobs(client);
        List<Integer> taken = new ArrayList<>();
        List<BulkJobs.ItemResult> created = jobs.run(bodies(batch, toCreate, ids), client::createManyOrganizations,
                Boolean.TRUE);
        for (int k = 0; k < toCreate.size(); k++) {
            int i = toCreate.get(k);
            BulkJobs.ItemResult r = created.get(k);
            if (r instanceof BulkJobs.ItemResult.Failed f && isExternalIdTaken(f.failure())) {
                taken.add(i);
            } else {
                out[i] = outcome(batch.get(i), r);
            }
        }
        resolve(batch, taken, ids, out);
        for (int i : taken) {
            if (out[i] == null) {
                toUpdate.add(i);
            }
        }
        List<BulkJobs.ItemResult> updated = jobs.run(bodies(batch, toUpdate, ids), client::updateManyOrganizations,
                Boolean.FALSE);
        for (int k = 0; k < toUpdate.size(); k++) {
            out[toUpdate.get(k)] = outcome(batch.get(toUpdate.get(k)), updated.get(k));
        }
        return List.of(out);
    }

    /** Finds the ids of records whose external id is taken; those not found fail. */
    private void resolve(List<SinkRecord<ZendeskRecord>> batch, List<Integer> taken, Map<Integer, Long> ids,
            WriteOutcome[] out) {
        for (int from = 0; from < taken.size(); from += BulkJobs.MAX_ITEMS) {
            List<Integer> chunk = taken.subList(from, Math.min(taken.size(), from + BulkJobs.MAX_ITEMS));
            List<String> externalIds = new ArrayList<>();
            chunk.forEach(i -> externalIds.add(batch.get(i).record().externalId()));
            Map<String, Long> found = new HashMap<>();
            try {
                for (ObjectNode o : client.organizationsByExternalIds(externalIds)) {
                    found.put(o.path("external_id").asText("").toLowerCase(Locale.ROOT), o.path("id").asLong());
                }
            } catch (SyncException e) {
                chunk.forEach(i -> out[i] = WriteOutcome.failed(batch.get(i).canonicalId(),
                        e.withRecordId(batch.get(i).canonicalId())));
                continue;
            }
            for (int i : chunk) {
                Long id = found.get(batch.get(i).record().externalId().toLowerCase(Locale.ROOT));
                if (id == null) {
                    out[i] = WriteOutcome.failed(batch.get(i).canonicalId(), new RejectedException(
                            "create_many refused the external id as taken, but no organization has it",
                            ErrorDetails.of(SourceSystem.ZENDESK).withPlatformCode("DuplicateValue")
                                    .withField("external_id").withRecordId(batch.get(i).canonicalId())));
                } else {
                    ids.put(i, id);
                }
            }
        }
    }

    private static boolean isExternalIdTaken(SyncException e) {
        return "DuplicateValue".equals(e.platformCode().orElse(null)) && "external_id".equals(e.field().orElse(null));
    }

    private static List<ObjectNode> bodies(List<SinkRecord<ZendeskRecord>> batch, List<Integer> indexes,
            Map<Integer, Long> ids) {
        List<ObjectNode> out = new ArrayList<>(indexes.size());
        for (int i : indexes) {
            ObjectNode body = batch.get(i).record().body();
            Long id = ids.get(i);
            if (id != null) {
                body.put("id", id);
            }
            out.add(body);
        }
        return out;
    }

    static WriteOutcome outcome(SinkRecord<ZendeskRecord> record, BulkJobs.ItemResult r) {
        String canonicalId = record.canonicalId();
        if (r instanceof BulkJobs.ItemResult.Done d) {
            return WriteOutcome.written(canonicalId, Long.toString(d.id()), d.created());
        }
        return WriteOutcome.failed(canonicalId, ((BulkJobs.ItemResult.Failed) r).failure().withRecordId(canonicalId));
    }

    @Override
    public String toString() {
        return "ZendeskOrganizationSink[" + client + "]";
    }
}
