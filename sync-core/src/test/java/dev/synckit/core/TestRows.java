package dev.synckit.core;

import dev.synckit.canonical.Customer;
import dev.synckit.canonical.ExternalRef;
import dev.synckit.canonical.SourceSystem;
import dev.synckit.core.failure.SyncException;
import dev.synckit.core.mapping.Mapper;
import dev.synckit.core.spi.ChangePage;
import dev.synckit.core.spi.ChangeSource;
import dev.synckit.core.spi.Checkpoint;
import dev.synckit.core.spi.RecordSink;
import dev.synckit.core.spi.SinkRecord;
import dev.synckit.core.spi.SourceFailure;
import dev.synckit.core.spi.SourceRecord;
import dev.synckit.core.spi.WriteOutcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/** Test doubles: a paged in-memory source of rows, a mapper to customers, and a recording sink. */
final class TestRows {

    record Row(String id, String name, String country, int version) {
    }

    /** Serves the rows list from an index checkpoint, {@code pageSize} at a time; may also serve unparseable entries. */
    static final class ListSource implements ChangeSource<Row> {
        final List<Object> items = Collections.synchronizedList(new ArrayList<>());
        final int pageSize;
        final AtomicInteger polls = new AtomicInteger();

        ListSource(int pageSize) {
            this.pageSize = pageSize;
        }

        ListSource add(Row row) {
            items.add(row);
            return this;
        }

        /** An entry the source cannot parse. */
        ListSource addBroken(SourceFailure failure) {
            items.add(failure);
            return this;
        }

        @Override
        public SourceSystem system() {
            return SourceSystem.SALESFORCE;
        }

        @Override
        public String recordType() {
            return "Row";
        }

        @Override
        public ChangePage<Row> poll(Checkpoint from) {
            polls.incrementAndGet();
            int start = from.isInitial() ? 0 : Integer.parseInt(from.value());
            List<SourceRecord<Row>> records = new ArrayList<>();
            List<SourceFailure> failures = new ArrayList<>();
            int end;
            synchronized (items) {
                end = Math.min(items.size(), start + pageSize);
                for (Object item : items.subList(start, end)) {
                    if (item instanceof Row r) {
                        records.add(new SourceRecord<>(r.id(), "v" + r.version(), Instant.EPOCH.plusSeconds(r.version()), r));
                    } else {
                        failures.add((SourceFailure) item);
                    }
                }
                return new ChangePage<>(records, failures, Checkpoint.of(Integer.toString(end)), end < items.size());
            }
        }
    }

    static final Mapper<Row, Customer> ROW_TO_CUSTOMER = (row, ctx) -> Customer.builder()
            .id(ctx.canonicalIdFor("customer", SourceSystem.SALESFORCE, row.id()))
            .name(row.name())
            .addBillTo(new dev.synckit.canonical.Party(dev.synckit.canonical.PartyRole.BILL_TO, row.name(),
                    dev.synckit.canonical.Address.of("1 Main St", "Springfield", null, "12345", row.country()),
                    null, null, true))
            .addExternalRef(new ExternalRef(SourceSystem.SALESFORCE, "Row", row.id()))
            .customAttribute("version", Integer.toString(row.version()))
            .lastModified(Instant.EPOCH.plusSeconds(row.version()))
            .sourceSystem(SourceSystem.SALESFORCE)
            .build();

    /** A sink that stores what it receives; a function decides per record whether to fail. */
    static final class RecordingSink implements RecordSink<String> {
        final Map<String, String> written = new ConcurrentHashMap<>();
        final List<String> order = new CopyOnWriteArrayList<>();
        final AtomicInteger calls = new AtomicInteger();
        volatile Function<SinkRecord<String>, SyncException> failWith = r -> null;

        @Override
        public SourceSystem system() {
            return SourceSystem.NETSUITE;
        }

        @Override
        public String recordType() {
            return "customer";
        }

        @Override
        public int maxBatchSize() {
            return 10;
        }

        @Override
        public List<WriteOutcome> upsert(List<SinkRecord<String>> batch) {
            calls.incrementAndGet();
            List<WriteOutcome> out = new ArrayList<>();
            for (SinkRecord<String> r : batch) {
                SyncException failure = failWith.apply(r);
                if (failure != null) {
                    out.add(WriteOutcome.failed(r.canonicalId(), failure));
                } else {
                    written.put(r.canonicalId(), r.record());
                    order.add(r.record());
                    out.add(WriteOutcome.written(r.canonicalId(), "ns-" + r.canonicalId(), null));
                }
            }
            return out;
        }
    }

    /** Canonical customer → "name|country|version" text. */
    static final Mapper<Customer, String> CUSTOMER_TO_TEXT = (c, ctx) -> c.name() + "|"
            + c.billTo().get(0).address().country() + "|" + c.customAttributes().get("version");

    private TestRows() {
    }
}
