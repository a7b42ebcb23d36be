package dev.synckit.salesforce;

import dev.synckit.canonical.CaseCategory;
import dev.synckit.canonical.CasePriority;
import dev.synckit.canonical.CaseStatus;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How Case {@code Priority}, {@code Status} and {@code Type} picklist values translate to canonical codes and
 * back. Defaults follow a standard org: Priority High/Medium/Low (+ Critical, Urgent); Status New, Working,
 * Escalated, On Hold, Waiting on Customer, Closed; Type Question, Problem, Feature Request (+ Incident, Task,
 * Billing). Inbound lookups ignore case; {@link Builder} entries add or replace values (orgs rename them).
 * Immutable and thread-safe.
 */
public final class CasePicklists {

    private final Map<String, CasePriority> priorityIn;
    private final Map<CasePriority, String> priorityOut;
    private final Map<String, CaseStatus> statusIn;
    private final Map<CaseStatus, String> statusOut;
    private final Map<String, CaseCategory> typeIn;
    private final Map<CaseCategory, String> typeOut;

    private CasePicklists(Builder b) {
        this.priorityIn = Map.copyOf(b.priorityIn);
        this.priorityOut = Map.copyOf(b.priorityOut);
        this.statusIn = Map.copyOf(b.statusIn);
        this.statusOut = Map.copyOf(b.statusOut);
        this.typeIn = Map.copyOf(b.typeIn);
        this.typeOut = Map.copyOf(b.typeOut);
    }

    /** The default tables. */
    public static CasePicklists defaults() {
        return builder().build();
    }

    /** The default tables, to add to or override. */
    public static Builder builder() {
        return new Builder();
    }

    public Optional<CasePriority> priority(String picklistValue) {
        return Optional.ofNullable(priorityIn.get(key(picklistValue)));
    }

    public String priority(CasePriority value) {
        return priorityOut.get(value);
    }

    public Optional<CaseStatus> status(String picklistValue) {
        return Optional.ofNullable(statusIn.get(key(picklistValue)));
    }

    public String status(CaseStatus value) {
        return statusOut.get(value);
    }

    public Optional<CaseCategory> type(String picklistValue) {
        return Optional.ofNullable(typeIn.get(key(picklistValue)));
    }

    public String type(CaseCategory value) {
        return typeOut.get(value);
    }

    private static String key(String value) {
        return Objects.requireNonNull(value, "picklistValue").strip().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return "CasePicklists[priorities=" + priorityIn.size() + ", statuses=" + statusIn.size() + ", types="
                + typeIn.size() + "]";
    }

    /** Builds {@link CasePicklists}, starting from the defaults. Not thread-safe; {@link #build()} copies. */
    public static final class Builder {
        private final Map<String, CasePriority> priorityIn = new HashMap<>();
        private final Map<CasePriority, String> priorityOut = new EnumMap<>(CasePriority.class);
        private final Map<String, CaseStatus> statusIn = new HashMap<>();
        private final Map<CaseStatus, String> statusOut = new EnumMap<>(CaseStatus.class);
        private final Map<String, CaseCategory> typeIn = new HashMap<>();
        private final Map<CaseCategory, String> typeOut = new EnumMap<>(CaseCategory.class);

        private Builder() {
            priority("Low", CasePriority.LOW).priority("Medium", CasePriority.NORMAL)
                    .priority("High", CasePriority.HIGH).priority("Critical", CasePriority.URGENT)
                    .inboundPriority("Urgent", CasePriority.URGENT).inboundPriority("Normal", CasePriority.NORMAL);
            status("New", CaseStatus.NEW).status("Working", CaseStatus.OPEN)
                    .status("Waiting on Customer", CaseStatus.PENDING).status("On Hold", CaseStatus.ON_HOLD)
                    .status("Solved", CaseStatus.SOLVED).status("Closed", CaseStatus.CLOSED)
                    .inboundStatus("Escalated", CaseStatus.OPEN).inboundStatus("Open", CaseStatus.OPEN)
                    .inboundStatus("Pending", CaseStatus.PENDING);
            type("Question", CaseCategory.QUESTION).type("Problem", CaseCategory.PROBLEM)
                    .type("Incident", CaseCategory.INCIDENT).type("Task", CaseCategory.TASK)
                    .type("Billing", CaseCategory.BILLING_DISPUTE).type("Feature Request", CaseCategory.FEATURE_REQUEST);
        }

        /** Both directions: the picklist value reads as {@code canonical}, and {@code canonical} is written as it. */
        public Builder priority(String picklistValue, CasePriority canonical) {
            inboundPriority(picklistValue, canonical);
            priorityOut.put(canonical, SalesforceMapping.name(picklistValue, "picklistValue"));
            return this;
        }

        /** Inbound only: another picklist value that reads as {@code canonical}. */
        public Builder inboundPriority(String picklistValue, CasePriority canonical) {
            priorityIn.put(key(picklistValue), Objects.requireNonNull(canonical, "canonical"));
            return this;
        }

        public Builder status(String picklistValue, CaseStatus canonical) {
            inboundStatus(picklistValue, canonical);
            statusOut.put(canonical, SalesforceMapping.name(picklistValue, "picklistValue"));
            return this;
        }

        public Builder inboundStatus(String picklistValue, CaseStatus canonical) {
            statusIn.put(key(picklistValue), Objects.requireNonNull(canonical, "canonical"));
            return this;
        }

        public Builder type(String picklistValue, CaseCategory canonical) {
            inboundType(picklistValue, canonical);
            typeOut.put(canonical, SalesforceMapping.name(picklistValue, "picklistValue"));
            return this;
        }

        public Builder inboundType(String picklistValue, CaseCategory canonical) {
            typeIn.put(key(picklistValue), Objects.requireNonNull(canonical, "canonical"));
            return this;
        }

        public CasePicklists build() {
            return new CasePicklists(this);
        }
    }
}
