package dev.synckit.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import dev.synckit.canonical.SourceSystem;
import dev.synckit.core.failure.MappingException;
import dev.synckit.core.failure.SyncException;
import dev.synckit.core.http.Json;
import dev.synckit.core.spi.ChangePage;
import dev.synckit.core.spi.ChangeSource;
import dev.synckit.core.spi.Checkpoint;
import dev.synckit.core.spi.SourceFailure;
import dev.synckit.core.spi.SourceRecord;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Reads changed records of one sObject type by polling SOQL on {@code SystemModstamp} (which moves on user
 * and system updates and is indexed), ordered by {@code (SystemModstamp, Id)}.
 *
 * <p>The checkpoint is the {@code (SystemModstamp, Id)} pair of the last record of the previous page, as text.
 * The next page asks for records strictly after that pair ({@code SystemModstamp > t OR (SystemModstamp = t AND
 * Id > 'id')}), so records sharing one stamp are neither lost nor re-read, even when more of them share it than
 * fit in a page. A record that comes back at or before the pair anyway is skipped. An optional settle lag keeps
 * the newest seconds out of reach until concurrent transactions with earlier stamps have committed.
 *
 * <p>A row that cannot be read (no Id, a stamp that is not a datetime, a field of the wrong JSON type) becomes
 * a {@link SourceFailure} naming the record and field, with the raw JSON; the rest of the page goes on.
 *
 * <p>Holds no cursor state between polls; thread-safe.
 */
public final class SalesforceChangeSource implements ChangeSource<SObjectRecord> {

    /** The Account fields read by default: what {@link AccountToCustomerMapper} uses plus bookkeeping fields. */
    public static final List<String> DEFAULT_ACCOUNT_FIELDS = List.of("Id", "Name", "ParentId", "AccountNumber",
            "Phone", "Website", "Type", "Industry",
            "BillingStreet", "BillingCity", "BillingState", "BillingPostalCode", "BillingCountry",
            "ShippingStreet", "ShippingCity", "ShippingState", "ShippingPostalCode", "ShippingCountry",
            "SystemModstamp", "LastModifiedDate", "IsDeleted");

    /** The extra fields of orgs with State and Country picklists enabled. */
    public static final List<String> ACCOUNT_PICKLIST_ADDRESS_FIELDS = List.of("BillingStateCode",
            "BillingCountryCode", "ShippingStateCode", "ShippingCountryCode");

    private static final String STAMP = "SystemModstamp";
    private static final Pattern RECORD_ID = Pattern.compile("[A-Za-z0-9]{15,18}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*(\\.[A-Za-z][A-Za-z0-9_]*)*");
    private static final Set<String> DATETIME_FIELDS = Set.of(STAMP, "LastModifiedDate", "CreatedDate");
    private static final int MAX_RAW = 10_000;

    private final SalesforceClient client;
    private final String sobjectType;
    private final List<String> fields;
    private final int pageLimit;
    private final boolean includeDeleted;
    private final Duration settleLag;

    private SalesforceChangeSource(Builder b) {
        this.client = b.client;
        this.sobjectType = b.sobjectType;
        Set<String> f = new LinkedHashSet<>();
        f.add("Id");
        f.addAll(b.fields);
        f.add(STAMP);
        this.fields = List.copyOf(f);
        this.pageLimit = b.pageLimit;
        this.includeDeleted = b.includeDeleted;
        this.settleLag = b.settleLag;
    }

    /** Accounts with {@link #DEFAULT_ACCOUNT_FIELDS}, pages of 2,000. */
    public static SalesforceChangeSource accounts(SalesforceClient client) {
        return builder(client).build();
    }

    /** A builder for Accounts that can be switched to any sObject type. */
    public static Builder builder(SalesforceClient client) {
        return new Builder(client);
    }

    @Override
    public SourceSystem system() {
        return SourceSystem.SALESFORCE;
    }

    @Override
    public String recordType() {
        return sobjectType;
    }

    /** The fields selected, {@code Id} first and {@code SystemModstamp} always included. */
    public List<String> fields() {
        return fields;
    }

    /** The SOQL the next poll from {@code from} would run (for logs and tests). */
    public String soql(Checkpoint from) {
        Position after = Position.decode(from);
        List<String> conditions = new ArrayList<>();
        if (after != null) {
            String t = SalesforceDateTimes.soqlLiteral(after.stamp());
            conditions.add("(" + STAMP + " > " + t + " OR (" + STAMP + " = " + t + " AND Id > '" + after.id() + "'))");
        }
        if (!settleLag.isZero()) {
            conditions.add(STAMP + " <= " + SalesforceDateTimes.soqlLiteral(
                    client.config().clock().instant().minus(settleLag)));
        }
        return "SELECT " + String.join(", ", fields) + " FROM " + sobjectType
                + (conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions))
                + " ORDER BY " + STAMP + ", Id LIMIT " + pageLimit;
    }

    @Override
    public ChangePage<SObjectRecord> poll(Checkpoint from) {
        Objects.requireNonNull(from, "from");
        Position after = Position.decode(from);
        String soql = soql(from);
        List<SourceRecord<SObjectRecord>> records = new ArrayList<>();
        List<SourceFailure> failures = new ArrayList<>();
        Position last = after;
        int rows = 0;
        try (Stream<SObjectPage> pages = includeDeleted ? client.queryAll(soql) : client.query(soql)) {
            for (SObjectPage page : (Iterable<SObjectPage>) pages::iterator) {
                for (JsonNode row : page.rows()) {
                    rows++;
                    Position at = Position.readLeniently(row);
                    if (at != null && after != null && !at.isAfter(after)) {
                        continue; // already emitted by an earlier page
                    }
                    try {
                        SObjectRecord record = SObjectRecord.from(row, sobjectType);
                        Instant stamp = check(record);
                        records.add(new SourceRecord<>(record.id(),
                                record.id() + "@" + SalesforceDateTimes.format(stamp), stamp, record));
                    } catch (SyncException e) {
                        String id = at != null ? at.id() : textOr(row.path("Id"), "?" + rows);
                        failures.add(new SourceFailure(id, raw(row), e.withRecordId(id)));
                    }
                    if (at != null) {
                        last = at;
                    }
                }
            }
        }
        Checkpoint next = last == null ? from : last.encode();
        return new ChangePage<>(records, failures, next, rows >= pageLimit);
    }

    /** The record's stamp, after checking the selected fields have the JSON types their names promise. */
    private Instant check(SObjectRecord record) {
        Instant stamp = record.instant(STAMP)
                .orElseThrow(() -> MappingException.field(record.id(), STAMP, "is missing"));
        JsonNode values = record.fields();
        for (String field : fields) {
            if (DATETIME_FIELDS.contains(field)) {
                record.instant(field);
            } else if (field.equals("IsDeleted")) {
                record.bool(field);
            } else if (!field.contains(".")) {
                JsonNode v = values.get(field);
                if (v != null && v.isContainerNode()) {
                    throw MappingException.field(record.id(), field,
                            "expected a scalar value but was " + SObjectRecord.kind(v));
                }
            }
        }
        return stamp;
    }

    private static String textOr(JsonNode node, String fallback) {
        return node.isTextual() && !node.asText().isBlank() ? node.asText() : fallback;
    }

    private static String raw(JsonNode row) {
        String text = Json.write(row);
        return text.length() <= MAX_RAW ? text : text.substring(0, MAX_RAW) + "...";
    }

    @Override
    public String toString() {
        return "SalesforceChangeSource[" + sobjectType + ", pageLimit=" + pageLimit + "]";
    }

    /** A {@code (SystemModstamp, Id)} pair; the checkpoint text is {@code <wire stamp>|<Id>}. */
    record Position(Instant stamp, String id) {

        static @Nullable Position decode(Checkpoint checkpoint) {
            if (checkpoint.isInitial()) {
                return null;
            }
            String v = checkpoint.value();
            int bar = v.lastIndexOf('|');
            try {
                if (bar > 0 && RECORD_ID.matcher(v.substring(bar + 1)).matches()) {
                    return new Position(SalesforceDateTimes.parse(v.substring(0, bar)), v.substring(bar + 1));
                }
            } catch (DateTimeParseException e) {
                // fall through to the same message as any other malformed value
            }
            throw new IllegalArgumentException("not a Salesforce change source checkpoint (expected "
                    + "'<SystemModstamp>|<Id>'): '" + v + "'");
        }

        /** The pair of a row, or null if its Id or stamp cannot be read. */
        static @Nullable Position readLeniently(JsonNode row) {
            JsonNode id = row.path("Id");
            JsonNode stamp = row.path(STAMP);
            if (!id.isTextual() || !RECORD_ID.matcher(id.asText()).matches() || !stamp.isTextual()) {
                return null;
            }
            try {
                return new Position(SalesforceDateTimes.parse(stamp.asText()), id.asText());
            } catch (DateTimeParseException e) {
                return null;
            }
        }

        /**
         * Whether this pair comes after {@code other}. Ids of one stamp are compared only for equality: the
         * query already returns nothing at or before the pair, and the server's Id collation is its own.
         */
        boolean isAfter(Position other) {
            int c = stamp.compareTo(other.stamp);
            return c > 0 || (c == 0 && !id.equals(other.id));
        }

        Checkpoint encode() {
            return Checkpoint.of(SalesforceDateTimes.format(stamp) + "|" + id);
        }
    }

    /** Configures a {@link SalesforceChangeSource}. Not thread-safe; {@link #build()} copies. */
    public static final class Builder {
        private final SalesforceClient client;
        private String sobjectType = "Account";
        private List<String> fields = DEFAULT_ACCOUNT_FIELDS;
        private int pageLimit = 2000;
        private boolean includeDeleted;
        private Duration settleLag = Duration.ZERO;

        private Builder(SalesforceClient client) {
            this.client = Objects.requireNonNull(client, "client");
        }

        /** The sObject type, e.g. {@code Opportunity} or {@code Invoice__c}; default {@code Account}. */
        public Builder sobjectType(String value) {
            Objects.requireNonNull(value, "sobjectType");
            if (!NAME.matcher(value).matches() || value.contains(".")) {
                throw new IllegalArgumentException("not an sObject API name: " + value);
            }
            this.sobjectType = value;
            return this;
        }

        /** The fields to select (API names; relationship paths allowed); Id and SystemModstamp are always added. */
        public Builder fields(List<String> value) {
            Objects.requireNonNull(value, "fields");
            for (String f : value) {
                if (!NAME.matcher(f).matches()) {
                    throw new IllegalArgumentException("not a field API name: " + f);
                }
            }
            this.fields = List.copyOf(value);
            return this;
        }

        /** The most records one poll returns (the SOQL {@code LIMIT}), 1 to 2,000; default 2,000. */
        public Builder pageLimit(int value) {
            if (value < 1 || value > 2000) {
                throw new IllegalArgumentException("pageLimit must be 1..2000: " + value);
            }
            this.pageLimit = value;
            return this;
        }

        /** Read through {@code queryAll}, so soft-deleted records arrive with {@code IsDeleted = true}. */
        public Builder includeDeleted(boolean value) {
            this.includeDeleted = value;
            return this;
        }

        /** Leave records younger than this (by the client's clock) for a later poll; default zero. */
        public Builder settleLag(Duration value) {
            Objects.requireNonNull(value, "settleLag");
            if (value.isNegative()) {
                throw new IllegalArgumentException("settleLag must not be negative: " + value);
            }
            this.settleLag = value;
            return this;
        }

        public SalesforceChangeSource build() {
            return new SalesforceChangeSource(this);
        }
    }
}
