package dev.synckit.salesforce;

import static dev.synckit.salesforce.SalesforceMapping.name;
import static dev.synckit.salesforce.SalesforceMapping.put;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.synckit.canonical.SupportCase;
import dev.synckit.core.http.Json;
import dev.synckit.core.mapping.Mapper;
import dev.synckit.core.mapping.MappingContext;
import java.util.Objects;

/**
 * The default outbound mapping of a canonical {@link SupportCase} to a Salesforce Case upsert keyed by the
 * canonical id in an External ID field (default {@code SyncKit_Id__c}): {@code Subject}, {@code Description},
 * {@code Priority} / {@code Status} / {@code Type} through {@link CasePicklists}, {@code IsEscalated}, and
 * {@code ContactId} / {@code AccountId} from the cross-reference (one not in Salesforce yet is a transient
 * {@link CustomerToAccountMapper#DEPENDENCY_PENDING} naming the field). Always the same field order.
 * Immutable and thread-safe.
 */
public final class SupportCaseToCaseMapper implements Mapper<SupportCase, SObjectUpsert> {

    private final String externalIdField;
    private final CasePicklists picklists;
    private final String escalatedField;

    private SupportCaseToCaseMapper(Builder b) {
        this.externalIdField = b.externalIdField;
        this.picklists = b.picklists;
        this.escalatedField = b.escalatedField;
    }

    public static SupportCaseToCaseMapper create() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public SObjectUpsert map(SupportCase c, MappingContext context) {
        Objects.requireNonNull(c, "supportCase");
        Objects.requireNonNull(context, "context");
        ObjectNode f = Json.mapper().createObjectNode();
        f.put("Subject", c.subject());
        put(f, "Description", c.description());
        f.put("Priority", picklists.priority(c.priority()));
        f.put("Status", picklists.status(c.status()));
        f.put("Type", picklists.type(c.category()));
        f.put(escalatedField, c.escalated());
        SalesforceMapping.lookup(f, "ContactId", ContactRecordMapper.ENTITY_TYPE, c.requesterContactId(), c.id(),
                context);
        SalesforceMapping.lookup(f, "AccountId", AccountToCustomerMapper.ENTITY_TYPE, c.organizationCustomerId(),
                c.id(), context);
        return new SObjectUpsert("Case", externalIdField, c.id(), f);
    }

    @Override
    public String toString() {
        return "SupportCaseToCaseMapper[" + externalIdField + ", " + picklists + "]";
    }

    /** Configures a {@link SupportCaseToCaseMapper}. Not thread-safe; {@link #build()} copies. */
    public static final class Builder {
        private String externalIdField = SObjectUpsertSink.DEFAULT_EXTERNAL_ID_FIELD;
        private CasePicklists picklists = CasePicklists.defaults();
        private String escalatedField = "IsEscalated";

        private Builder() {
        }

        public Builder externalIdField(String value) {
            this.externalIdField = SalesforceMapping.externalIdField(value);
            return this;
        }

        public Builder picklists(CasePicklists value) {
            this.picklists = Objects.requireNonNull(value, "picklists");
            return this;
        }

        public Builder escalatedField(String value) {
            this.escalatedField = name(value, "escalatedField");
            return this;
        }

        public SupportCaseToCaseMapper build() {
            return new SupportCaseToCaseMapper(this);
        }
    }
}
