package dev.synckit.salesforce;

import dev.synckit.canonical.SourceSystem;
import dev.synckit.core.failure.ErrorDetails;
import dev.synckit.core.failure.RateLimitedException;
import dev.synckit.core.failure.RejectedException;
import dev.synckit.core.failure.SyncException;
import dev.synckit.core.failure.UnauthorizedException;
import dev.synckit.core.spi.RecordSink;
import dev.synckit.core.spi.SinkRecord;
import dev.synckit.core.spi.WriteOutcome;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Writes records of one sObject type as upserts by one External ID field through sObject Collections: up to 200
 * records per API call, {@code allOrNone=false}, each result mapped back to its input record. A repeated write
 * (lost answer, retry, replay) updates the same record, never creates a second one.
 *
 * <p>Per-record failures become {@link WriteOutcome.Failed} outcomes classified from Salesforce's errors (the
 * {@code ALL_OR_NONE_OPERATION_ROLLED_BACK} fillers hidden behind the real cause). When Salesforce refuses a
 * whole request because of one record's content (HTTP 400: an unknown field, a value its JSON reader cannot
 * take), the records are split and sent again so that only the bad ones fail: records holding a field that the
 * error names fail at once, otherwise the batch is halved until the bad record is alone. A failure that concerns
 * the org (refused credentials after one renewal, daily quota) fails the rest of the batch without sending it.
 * Input records sharing one external id are written in successive calls, in input order, since Salesforce
 * refuses both when they share a call.
 *
 * <p>Thread-safe: the engine calls {@link #upsert} from several workers; the sink holds no mutable state.
 */
public final class SObjectUpsertSink implements RecordSink<SObjectUpsert> {

    /** Default External ID field of the records SyncKit writes. */
    public static final String DEFAULT_EXTERNAL_ID_FIELD = "SyncKit_Id__c";

    private static final Pattern NO_SUCH_COLUMN = Pattern.compile("No such column '([^']+)'");
    /** 400 codes that refuse the request as such, whichever records it holds: splitting cannot help. */
    private static final Set<String> REQUEST_WIDE = Set.of("INVALID_TYPE", "EXCEEDED_ID_LIMIT", "NOT_FOUND",
            "API_DISABLED_FOR_ORG", "INSUFFICIENT_ACCESS_OR_READONLY", "INVALID_SESSION_ID", "REQUEST_LIMIT_EXCEEDED",
            "API_CURRENTLY_DISABLED", "INVALID_OPERATION_WITH_EXPIRED_PASSWORD");

    private final SalesforceClient client;
    private final String sObjectType;
    private final String externalIdField;
    private final int batchSize;

    private SObjectUpsertSink(Builder b) {
        this.client = b.client;
        this.sObjectType = b.sObjectType;
        this.externalIdField = b.externalIdField;
        this.batchSize = b.batchSize;
    }

    /** Accounts keyed by {@code externalIdField}, e.g. {@code SyncKit_Id__c}. */
    public static SObjectUpsertSink accounts(SalesforceClient client, String externalIdField) {
        return builder(client, "Account").externalIdField(externalIdField).build();
    }

    /** A sink for any sObject type. */
    public static Builder builder(SalesforceClient client, String sObjectType) {
        return new Builder(client, sObjectType);
    }

    @Override
    public SourceSystem system() {
        return SourceSystem.SALESFORCE;
    }

    /** The sObject type written, e.g. {@code Account}. */
    @Override
    public String recordType() {
        return sObjectType;
    }

    /** The External ID field the records are keyed by. */
    public String externalIdField() {
        return externalIdField;
    }

    @Override
    public int maxBatchSize() {
        return batchSize;
    }

    @Override
    public List<WriteOutcome> upsert(List<SinkRecord<SObjectUpsert>> batch) {
        Objects.requireNonNull(batch, "batch");
        Run run = new Run(batch);
        // the k-th record with a given external id goes into the k-th round
        List<List<Integer>> rounds = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            SObjectUpsert r = batch.get(i).record();
            if (!r.type().equalsIgnoreCase(sObjectType) || !r.externalIdField().equalsIgnoreCase(externalIdField)) {
                run.fail(i, new RejectedException("this sink writes " + sObjectType + " by " + externalIdField
                        + ", not " + r.type() + " by " + r.externalIdField(),
                        ErrorDetails.of(SourceSystem.SALESFORCE).withPlatformCode("WRONG_RECORD_TYPE")));
                continue;
            }
            int round = seen.merge(r.externalId().toLowerCase(Locale.ROOT), 1, Integer::sum) - 1;
            while (rounds.size() <= round) {
                rounds.add(new ArrayList<>());
            }
            rounds.get(round).add(i);
        }
        for (List<Integer> round : rounds) {
            for (int from = 0; from < round.size(); from += batchSize) {
                run.write(round.subList(from, Math.min(round.size(), from + batchSize)));
            }
        }
        return run.outcomes();
    }

    /** The state of one {@link #upsert} call. Confined to the calling thread. */
    private final class Run {
        private final List<SinkRecord<SObjectUpsert>> batch;
        private final @Nullable WriteOutcome[] outcomes;
        private @Nullable SyncException orgWide;

        Run(List<SinkRecord<SObjectUpsert>> batch) {
            this.batch = batch;
            this.outcomes = new WriteOutcome[batch.size()];
        }

        void fail(int i, SyncException e) {
            String canonicalId = batch.get(i).canonicalId();
            outcomes[i] = WriteOutcome.failed(canonicalId, e.withRecordId(canonicalId));
        }

        void write(List<Integer> indexes) {
            if (orgWide != null) {
                indexes.forEach(i -> fail(i, orgWide));
                return;
            }
            List<SObjectUpsert> records = indexes.stream().map(i -> batch.get(i).record()).toList();
            List<CollectionResult> results;
            try {
                results = client.upsertCollection(records, false);
            } catch (RejectedException e) {
                if (e.details().httpStatus() == 400 && !REQUEST_WIDE.contains(e.platformCode().orElse(""))) {
                    retryWithoutTheBadRecords(indexes, e);
                } else {
                    indexes.forEach(i -> fail(i, e));
                }
                return;
            } catch (SyncException e) {
                if (e instanceof UnauthorizedException || e instanceof RateLimitedException) {
                    orgWide = e;
                }
                indexes.forEach(i -> fail(i, e));
                return;
            }
            for (int k = 0; k < indexes.size(); k++) {
                int i = indexes.get(k);
                CollectionResult r = results.get(k);
                String canonicalId = batch.get(i).canonicalId();
                if (r.success()) {
                    outcomes[i] = WriteOutcome.written(canonicalId, Objects.requireNonNull(r.id()), r.created());
                } else {
                    SObjectUpsert record = records.get(k);
                    fail(i, SalesforceErrorClassifier.classifyRecord(r.causes(), "upsert of " + record.type() + " "
                            + record.externalIdField() + "=" + record.externalId()));
                }
            }
        }

        /** A 400 for the whole request: fail the record(s) at fault, send the others again. */
        private void retryWithoutTheBadRecords(List<Integer> indexes, RejectedException e) {
            if (indexes.size() == 1) {
                fail(indexes.get(0), e);
                return;
            }
            Matcher column = NO_SUCH_COLUMN.matcher(e.reason());
            if (column.find()) {
                String field = column.group(1);
                List<Integer> bad = new ArrayList<>();
                List<Integer> good = new ArrayList<>();
                for (int i : indexes) {
                    (batch.get(i).record().field(field).isPresent() ? bad : good).add(i);
                }
                if (!bad.isEmpty()) {
                    bad.forEach(i -> fail(i, e));
                    if (!good.isEmpty()) {
                        write(good);
                    }
                    return;
                }
            }
            int half = indexes.size() / 2;
            write(indexes.subList(0, half));
            write(indexes.subList(half, indexes.size()));
        }

        List<WriteOutcome> outcomes() {
            List<WriteOutcome> out = new ArrayList<>(outcomes.length);
            for (WriteOutcome o : outcomes) {
                out.add(Objects.requireNonNull(o, "every record has an outcome"));
            }
            return out;
        }
    }

    @Override
    public String toString() {
        return "SObjectUpsertSink[" + sObjectType + " by " + externalIdField + ", " + batchSize + " per call]";
    }

    /** Configures an {@link SObjectUpsertSink}. Not thread-safe; {@link #build()} copies. */
    public static final class Builder {
        private final SalesforceClient client;
        private final String sObjectType;
        private String externalIdField = DEFAULT_EXTERNAL_ID_FIELD;
        private int batchSize = SalesforceClient.MAX_COLLECTION_SIZE;

        private Builder(SalesforceClient client, String sObjectType) {
            this.client = Objects.requireNonNull(client, "client");
            this.sObjectType = Objects.requireNonNull(sObjectType, "sObjectType");
            if (sObjectType.isBlank()) {
                throw new IllegalArgumentException("sObjectType must not be blank");
            }
        }

        /** The External ID field; default {@value #DEFAULT_EXTERNAL_ID_FIELD}. */
        public Builder externalIdField(String value) {
            Objects.requireNonNull(value, "externalIdField");
            if (value.isBlank() || value.equalsIgnoreCase("Id")) {
                throw new IllegalArgumentException("externalIdField must name an External ID field: " + value);
            }
            this.externalIdField = value;
            return this;
        }

        /** Records per call, 1 to 200 (default 200: fewer calls against the daily quota). */
        public Builder batchSize(int value) {
            if (value < 1 || value > SalesforceClient.MAX_COLLECTION_SIZE) {
                throw new IllegalArgumentException("batchSize must be 1.." + SalesforceClient.MAX_COLLECTION_SIZE
                        + ": " + value);
            }
            this.batchSize = value;
            return this;
        }

        public SObjectUpsertSink build() {
            return new SObjectUpsertSink(this);
        }
    }
}
