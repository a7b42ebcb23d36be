package dev.synckit.salesforce;

import static dev.synckit.salesforce.SalesforceMapping.name;

import dev.synckit.canonical.CaseCategory;
import dev.synckit.canonical.CasePriority;
import dev.synckit.canonical.CaseStatus;
import dev.synckit.canonical.ExternalRef;
import dev.synckit.canonical.SourceSystem;
import dev.synckit.canonical.SupportCase;
import dev.synckit.core.failure.MappingException;
import dev.synckit.core.mapping.Mapper;
import dev.synckit.core.mapping.MappingContext;
import java.util.Objects;

/**
 * The default inbound mapping of a Salesforce Case to a canonical {@link SupportCase}: {@code Subject}
 * (required), {@code Description}, {@code Priority} / {@code Status} / {@code Type} through {@link CasePicklists}
 * (an empty value takes the canonical default: NORMAL, NEW, QUESTION; an unknown value is a
 * {@link MappingException} naming the field, unless the table is extended), {@code IsEscalated} → escalated,
 * {@code ContactId} → requester and {@code AccountId} → organisation through the cross-reference. Field names
 * are configurable. Immutable and thread-safe.
 */
public final class CaseToSupportCaseMapper implements Mapper<SObjectRecord, SupportCase> {

    /** The cross-reference entity type of support cases. */
    public static final String ENTITY_TYPE = "support-case";

    private final CasePicklists picklists;
    private final String subjectField;
    private final String descriptionField;
    private final String priorityField;
    private final String statusField;
    private final String typeField;
    private final String escalatedField;

    private CaseToSupportCaseMapper(Builder b) {
        this.picklists = b.picklists;
        this.subjectField = b.subjectField;
        this.descriptionField = b.descriptionField;
        this.priorityField = b.priorityField;
        this.statusField = b.statusField;
        this.typeField = b.typeField;
        this.escalatedField = b.escalatedField;
    }

    public static CaseToSupportCaseMapper create() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public SupportCase map(SObjectRecord record, MappingContext context) {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(context, "context");
        String id = record.id();
        CasePriority priority = record.text(priorityField).map(v -> picklists.priority(v).orElseThrow(() ->
                unknown(id, priorityField, v))).orElse(CasePriority.NORMAL);
        CaseStatus status = record.text(statusField).map(v -> picklists.status(v).orElseThrow(() ->
                unknown(id, statusField, v))).orElse(CaseStatus.NEW);
        CaseCategory category = record.text(typeField).map(v -> picklists.type(v).orElseThrow(() ->
                unknown(id, typeField, v))).orElse(CaseCategory.QUESTION);
        return SupportCase.builder()
                .id(context.canonicalIdFor(ENTITY_TYPE, SourceSystem.SALESFORCE, id))
                .subject(SalesforceMapping.required(record, subjectField))
                .description(record.text(descriptionField).orElse(null))
                .priority(priority)
                .status(status)
                .category(category)
                .escalated(record.bool(escalatedField).orElse(false))
                .requesterContactId(SalesforceMapping.canonicalId(record, "ContactId", ContactRecordMapper.ENTITY_TYPE,
                        context))
                .organizationCustomerId(SalesforceMapping.canonicalId(record, "AccountId",
                        AccountToCustomerMapper.ENTITY_TYPE, context))
                .addExternalRef(new ExternalRef(SourceSystem.SALESFORCE, record.type(), id))
                .lastModified(SalesforceMapping.lastModified(record))
                .sourceSystem(SourceSystem.SALESFORCE)
                .build();
    }

    private static MappingException unknown(String id, String field, String value) {
        return MappingException.field(id, field, "has a value the case picklist table does not know: '" + value
                + "' (add it to CasePicklists)");
    }

    @Override
    public String toString() {
        return "CaseToSupportCaseMapper[" + picklists + "]";
    }

    /** Configures a {@link CaseToSupportCaseMapper}. Not thread-safe; {@link #build()} copies. */
    public static final class Builder {
        private CasePicklists picklists = CasePicklists.defaults();
        private String subjectField = "Subject";
        private String descriptionField = "Description";
        private String priorityField = "Priority";
        private String statusField = "Status";
        private String typeField = "Type";
        private String escalatedField = "IsEscalated";

        private Builder() {
        }

        public Builder picklists(CasePicklists value) {
            this.picklists = Objects.requireNonNull(value, "picklists");
            return this;
        }

        public Builder subjectField(String value) {
            this.subjectField = name(value, "subjectField");
            return this;
        }

        public Builder descriptionField(String value) {
            this.descriptionField = name(value, "descriptionField");
            return this;
        }

        public Builder priorityField(String value) {
            this.priorityField = name(value, "priorityField");
            return this;
        }

        public Builder statusField(String value) {
            this.statusField = name(value, "statusField");
            return this;
        }

        public Builder typeField(String value) {
            this.typeField = name(value, "typeField");
            return this;
        }

        public Builder escalatedField(String value) {
            this.escalatedField = name(value, "escalatedField");
            return this;
        }

        public CaseToSupportCaseMapper build() {
            return new CaseToSupportCaseMapper(this);
        }
    }
}
