package dev.synckit.netsuite;

import com.fasterxml.jackson.databind.JsonNode;
import dev.synckit.canonical.SourceSystem;
import dev.synckit.core.failure.ErrorDetails;
import dev.synckit.core.failure.RejectedException;
import dev.synckit.core.failure.SyncException;
import dev.synckit.core.failure.TransientException;
import dev.synckit.core.spi.RecordSink;
import dev.synckit.core.spi.SinkRecord;
import dev.synckit.core.spi.WriteOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Writes records of one NetSuite type through the asynchronous batch upsert ({@link NetSuiteClient#upsertBatch}:
 * {@code PUT /record/v1/{type}} with {@code Prefer: respond-async}), up to 100 records per request. The
 * {@code X-NetSuite-Idempotency-Key} is {@link IdempotencyKeys#forBatch} over the event ids of the batch's envelopes
 * (the journal entries), so the engine's resend of the same entries after a lost answer reuses the key and NetSuite
 * hands back the original job instead of writing again. Outcomes are per record, in input order. Records that
 * cannot be sent (wrong type, an external id outside the NetSuite alphabet) fail alone, before the request. The
 * internal id comes from the task result's {@code Location}, else from the cross-reference, else from one
 * {@code GET eid:…?fields=id}. A failure of the whole request (refused credentials, concurrency limit, job not done)
 * is thrown, as {@link RecordSink#upsert} specifies. Thread-safe.
 */
public final class NetSuiteBatchSink implements RecordSink<NetSuiteRecord> {

    /** The operation name in the idempotency key. */
    public static final String OPERATION = "upsert";
    private static final Pattern TYPE = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

    private final NetSuiteClient client;
    private final String recordType;
    private final int maxBatchSize;

    private NetSuiteBatchSink(NetSuiteClient client, String recordType, int maxBatchSize) {
        this.client = client;
        this.recordType = recordType;
        this.maxBatchSize = maxBatchSize;
    }

    /** A sink of {@code recordType} records (e.g. {@code customer}, {@code salesOrder}) in batches of up to 100. */
    public static NetSuiteBatchSink create(NetSuiteClient client, String recordType) {
        return create(client, recordType, NetSuiteClient.MAX_ASYNC_BATCH);
    }

    /** A sink with smaller batches (1 to 100). */
    public static NetSuiteBatchSink create(NetSuiteClient client, String recordType, int maxBatchSize) {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(recordType, "recordType");
        if (!TYPE.matcher(recordType).matches()) {
            throw new IllegalArgumentException("not a NetSuite record type: " + recordType);
        }
        if (maxBatchSize < 1 || maxBatchSize > NetSuiteClient.MAX_ASYNC_BATCH) {
            throw new IllegalArgumentException("maxBatchSize must be 1 to " + NetSuiteClient.MAX_ASYNC_BATCH
                    + ", was " + maxBatchSize);
        }
        return new NetSuiteBatchSink(client, recordType, maxBatchSize);
    }

    @Override
    public SourceSystem system() {
        return SourceSystem.NETSUITE;
    }

    @Override
    public String recordType() {
        return recordType;
    }

    @Override
    public int maxBatchSize() {
        return maxBatchSize;
    }

    /** The idempotency key of the records of a batch that are sent: their envelopes' event ids, in order. */
    public UUID idempotencyKey(List<SinkRecord<NetSuiteRecord>> sent) {
        return IdempotencyKeys.forBatch(OPERATION, recordType,
                sent.stream().map(r -> r.envelope().eventId().toString()).toList());
    }

    @Override
    public List<WriteOutcome> upsert(List<SinkRecord<NetSuiteRecord>> batch) {
        Objects.requireNonNull(batch, "batch");
        if (batch.size() > maxBatchSize) {
            throw new IllegalArgumentException("at most " + maxBatchSize + " records per batch, was " + batch.size());
        }
        WriteOutcome[] outcomes = new WriteOutcome[batch.size()];
        List<Integer> positions = new ArrayList<>();
        List<SinkRecord<NetSuiteRecord>> sent = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            SinkRecord<NetSuiteRecord> r = batch.get(i);
            try {
                check(r.record());
                positions.add(i);
                sent.add(r);
            } catch (SyncException e) {
                outcomes[i] = WriteOutcome.failed(r.canonicalId(), e.withRecordId(r.canonicalId()));
            }
        }
        if (!sent.isEmpty()) {
            List<BatchItemResult> results = client.upsertBatch(recordType,
                    sent.stream().map(SinkRecord::record).toList(), idempotencyKey(sent));
            for (int k = 0; k < sent.size(); k++) {
                SinkRecord<NetSuiteRecord> r = sent.get(k);
                outcomes[positions.get(k)] = outcome(r, results.get(k));
            }
        }
        return List.of(outcomes);
    }

    private void check(NetSuiteRecord record) {
        if (!recordType.equalsIgnoreCase(record.type())) {
            throw new RejectedException("this sink writes " + recordType + " records, not " + record.type(),
                    ErrorDetails.of(SourceSystem.NETSUITE).withPlatformCode("WRONG_RECORD_TYPE"));
        }
        ExternalIds.require(record.externalId());
    }

    private WriteOutcome outcome(SinkRecord<NetSuiteRecord> r, BatchItemResult result) {
        String canonicalId = r.canonicalId();
        if (result.failure() != null) {
            return WriteOutcome.failed(canonicalId, result.failure().withRecordId(canonicalId));
        }
        Optional<String> id = result.internalIdOptional().or(r::systemId);
        if (id.isPresent()) {
            return WriteOutcome.written(canonicalId, id.get(), null);
        }
        try {
            @Nullable JsonNode read = client.getByExternalId(recordType, r.record().externalId(), "id")
                    .map(n -> n.get("id")).orElse(null);
            if (read == null || read.asText().isEmpty()) {
                return WriteOutcome.failed(canonicalId, new TransientException(recordType + " "
                        + r.record().externalId() + " was upserted but is not readable by external id yet",
                        ErrorDetails.of(SourceSystem.NETSUITE).withPlatformCode("NOT_YET_READABLE")
                                .withRecordId(canonicalId)));
            }
            return WriteOutcome.written(canonicalId, read.asText(), null);
        } catch (SyncException e) {
            return WriteOutcome.failed(canonicalId, e.withRecordId(canonicalId));
        }
    }

    @Override
    public String toString() {
        return "NetSuiteBatchSink[" + recordType + ", " + client + "]";
    }
}
