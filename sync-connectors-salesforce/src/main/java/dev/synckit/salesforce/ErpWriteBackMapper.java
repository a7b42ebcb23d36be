package dev.synckit.salesforce;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.synckit.core.http.Json;
import dev.synckit.core.mapping.Mapper;
import dev.synckit.core.mapping.MappingContext;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Maps an {@link ErpWriteBack} to an upsert of the Salesforce record by its External ID field, so a repeated
 * write-back lands on the same record. Field names are configuration (defaults: {@code ERP_Customer_Number__c},
 * {@code ERP_Order_Number__c}, {@code ERP_Order_Status__c}, {@code ERP_Invoice_Status__c},
 * {@code SyncKit_Sync_Status__c}, {@code SyncKit_Sync_Error__c}). Values the write-back does not carry are left
 * alone, except the sync error, which is cleared on success; the error text is cut to 255 characters (a text
 * field's limit). Immutable and thread-safe.
 */
public final class ErpWriteBackMapper implements Mapper<ErpWriteBack, SObjectUpsert> {

    private static final int TEXT_LIMIT = 255;

    private final String externalIdField;
    private final String customerNumberField;
    private final String orderNumberField;
    private final String orderStatusField;
    private final String invoiceStatusField;
    private final String syncStatusField;
    private final String syncErrorField;

    private ErpWriteBackMapper(Builder b) {
        this.externalIdField = b.externalIdField;
        this.customerNumberField = b.customerNumberField;
        this.orderNumberField = b.orderNumberField;
        this.orderStatusField = b.orderStatusField;
        this.invoiceStatusField = b.invoiceStatusField;
        this.syncStatusField = b.syncStatusField;
        this.syncErrorField = b.syncErrorField;
    }

    public static ErpWriteBackMapper create() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public SObjectUpsert map(ErpWriteBack source, MappingContext context) {
        Objects.requireNonNull(source, "source");
        ObjectNode f = Json.mapper().createObjectNode();
        put(f, customerNumberField, source.erpCustomerNumber());
        put(f, orderNumberField, source.erpOrderNumber());
        put(f, orderStatusField, source.orderStatus());
        put(f, invoiceStatusField, source.invoiceStatus());
        f.put(syncStatusField, source.syncStatus().name());
        String error = source.syncError();
        if (error == null || source.syncStatus() == ErpWriteBack.SyncStatus.SYNCED) {
            f.putNull(syncErrorField);
        } else {
            f.put(syncErrorField, error.length() > TEXT_LIMIT ? error.substring(0, TEXT_LIMIT - 3) + "..." : error);
        }
        return new SObjectUpsert(source.sObjectType(), externalIdField, source.externalId(), f);
    }

    private static void put(ObjectNode f, String field, @Nullable String value) {
        if (value != null) {
            f.put(field, value);
        }
    }

    @Override
    public String toString() {
        return "ErpWriteBackMapper[" + externalIdField + "]";
    }

    /** Configures an {@link ErpWriteBackMapper}. Not thread-safe; {@link #build()} copies. */
    public static final class Builder {
        private String externalIdField = SObjectUpsertSink.DEFAULT_EXTERNAL_ID_FIELD;
        private String customerNumberField = "ERP_Customer_Number__c";
        private String orderNumberField = "ERP_Order_Number__c";
        private String orderStatusField = "ERP_Order_Status__c";
        private String invoiceStatusField = "ERP_Invoice_Status__c";
        private String syncStatusField = "SyncKit_Sync_Status__c";
        private String syncErrorField = "SyncKit_Sync_Error__c";

        private Builder() {
        }

        public Builder externalIdField(String value) {
            this.externalIdField = name(value, "externalIdField");
            return this;
        }

        public Builder customerNumberField(String value) {
            this.customerNumberField = name(value, "customerNumberField");
            return this;
        }

        public Builder orderNumberField(String value) {
            this.orderNumberField = name(value, "orderNumberField");
            return this;
        }

        public Builder orderStatusField(String value) {
            this.orderStatusField = name(value, "orderStatusField");
            return this;
        }

        public Builder invoiceStatusField(String value) {
            this.invoiceStatusField = name(value, "invoiceStatusField");
            return this;
        }

        public Builder syncStatusField(String value) {
            this.syncStatusField = name(value, "syncStatusField");
            return this;
        }

        public Builder syncErrorField(String value) {
            this.syncErrorField = name(value, "syncErrorField");
            return this;
        }

        public ErpWriteBackMapper build() {
            return new ErpWriteBackMapper(this);
        }

        private static String name(String value, String what) {
            Objects.requireNonNull(value, what);
            if (value.isBlank()) {
                throw new IllegalArgumentException(what + " must not be blank");
            }
            return value;
        }
    }
}
