package dev.synckit.salesforce;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What the ERP made of a Salesforce record, to be written back onto it: the ERP customer number (Account), the
 * order number, order status and invoice status (Opportunity), and the sync status and last sync error (both).
 * Immutable and thread-safe.
 *
 * @param sObjectType {@code Account} or {@code Opportunity} (any type with the configured fields works)
 * @param externalId the record's value of the External ID field the write-back is keyed by
 * @param erpCustomerNumber the ERP's customer number
 * @param erpOrderNumber the ERP's order (sales order) number
 * @param orderStatus the ERP order status, as text
 * @param invoiceStatus the ERP invoice status, as text
 * @param syncStatus the sync status
 * @param syncError the last sync error, or {@code null} to clear it (on success)
 */
public record ErpWriteBack(String sObjectType, String externalId, @Nullable String erpCustomerNumber,
        @Nullable String erpOrderNumber, @Nullable String orderStatus, @Nullable String invoiceStatus,
        SyncStatus syncStatus, @Nullable String syncError) {

    /** The sync status written back. */
    public enum SyncStatus {
        /** In step with the ERP. */
        SYNCED,
        /** Waiting to be written (e.g. a retry is due). */
        PENDING,
        /** Refused by the ERP or the mapping; {@code syncError} says why. */
        FAILED
    }

    public ErpWriteBack {
        Objects.requireNonNull(sObjectType, "sObjectType");
        Objects.requireNonNull(externalId, "externalId");
        Objects.requireNonNull(syncStatus, "syncStatus");
    }

    /** A successful sync of an Account: its ERP customer number, error cleared. */
    public static ErpWriteBack customerSynced(String externalId, String erpCustomerNumber) {
        return new ErpWriteBack("Account", externalId, erpCustomerNumber, null, null, null, SyncStatus.SYNCED, null);
    }

    /** A failed sync of any record, with the (secret-free) error text. */
    public static ErpWriteBack failed(String sObjectType, String externalId, String error) {
        return new ErpWriteBack(sObjectType, externalId, null, null, null, null, SyncStatus.FAILED,
                Objects.requireNonNull(error, "error"));
    }

    public Optional<String> error() {
        return Optional.ofNullable(syncError);
    }
}
