package dev.synckit.netsuite;

import com.fasterxml.jackson.databind.JsonNode;
import dev.synckit.canonical.SourceSystem;
import dev.synckit.core.failure.ErrorDetails;
import dev.synckit.core.failure.RateLimitedException;
import dev.synckit.core.failure.RejectedException;
import dev.synckit.core.failure.SyncException;
import dev.synckit.core.failure.TransientException;
import dev.synckit.core.failure.UnauthorizedException;
import dev.synckit.core.spi.RecordSink;
import dev.synckit.core.spi.SinkRecord;
import dev.synckit.core.spi.WriteOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Writes NetSuite customers as upserts by external id ({@code PUT eid:}), one request per record, so a repeated
 * write never creates a second customer. The internal id comes from the cross-reference when it is known,
 * otherwise from one extra {@code GET eid:...?fields=id}. A failure of one record fails that record only; a
 * failure that concerns the whole account (refused credentials, concurrency limit) fails the rest of the batch
 * without sending it. Thread-safe.
 */
public final class NetSuiteCustomerSink implements RecordSink<NetSuiteRecord> {

    /** Records per {@link #upsert} call. */
    public static final int MAX_BATCH_SIZE = 20;

    private final NetSuiteClient client;

    private NetSuiteCustomerSink(NetSuiteClient client) {
        this.client = client;
    }

    /** A sink writing through this client. */
    public static NetSuiteCustomerSink create(NetSuiteClient client) {
        return new NetSuiteCustomerSink(Objects.requireNonNull(client, "client"));
    }

    @Override
    public SourceSystem system() {
        return SourceSystem.NETSUITE;
    }

    @Override
    public String recordType() {
        return CustomerToNetSuiteMapper.RECORD_TYPE;
    }

    @Override
    public int maxBatchSize() {
        return MAX_BATCH_SIZE;
    }

    @Override
    public List<WriteOutcome> upsert(List<SinkRecord<NetSuiteRecord>> batch) {
        Objects.requireNonNull(batch, "batch");
        List<WriteOutcome> outcomes = new ArrayList<>(batch.size());
        SyncException accountWide = null;
        for (SinkRecord<NetSuiteRecord> record : batch) {
            String canonicalId = record.canonicalId();
            if (accountWide != null) {
                outcomes.add(WriteOutcome.failed(canonicalId, accountWide.withRecordId(canonicalId)));
                continue;
            }
            try {
                outcomes.add(WriteOutcome.written(canonicalId, write(record), null));
            } catch (SyncException e) {
                outcomes.add(WriteOutcome.failed(canonicalId, e.withRecordId(canonicalId)));
                if (e instanceof UnauthorizedException || e instanceof RateLimitedException) {
                    accountWide = e;
                }
            }
        }
        return outcomes;
    }

    private String write(SinkRecord<NetSuiteRecord> record) {
        NetSuiteRecord target = record.record();
        if (!recordType().equalsIgnoreCase(target.type())) {
            throw new RejectedException("this sink writes " + recordType() + " records, not " + target.type(),
                    ErrorDetails.of(SourceSystem.NETSUITE).withPlatformCode("WRONG_RECORD_TYPE"));
        }
        String externalId = ExternalIds.require(target.externalId());
        client.upsertByExternalId(target.type(), externalId, target.body());
        @Nullable String known = record.knownSystemId();
        if (known != null) {
            return known;
        }
        JsonNode id = client.getByExternalId(target.type(), externalId, "id")
                .map(n -> n.get("id"))
                .orElse(null);
        if (id == null || id.asText().isEmpty()) {
            // NetSuite said 204 to the upsert but cannot find the record: read-after-write lag, try again later
            throw new TransientException("customer " + externalId + " was upserted but is not readable by external id yet",
                    ErrorDetails.of(SourceSystem.NETSUITE).withPlatformCode("NOT_YET_READABLE"));
        }
        return id.asText();
    }

    @Override
    public String toString() {
        return "NetSuiteCustomerSink[" + client + "]";
    }
}
