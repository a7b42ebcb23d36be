package dev.synckit.zendesk;

import java.util.Objects;

/**
 * Where the default mappers put the values Zendesk has no standard field for: organization custom field keys
 * (custom fields are keyed by their {@code key}) and ticket custom field ids. Use {@link #defaults()} plus the
 * {@code withX} methods; an id of 0 means "this account has no such field". Immutable and thread-safe.
 *
 * @param erpCustomerNumber organization field for the ERP (NetSuite) customer number
 * @param serviceTier organization field for the entitlement's service tier
 * @param entitlementEndDate organization field for the entitlement's end date ({@code yyyy-MM-dd})
 * @param entitlementStatus organization field for the entitlement's status
 * @param accountStatus organization field for the customer's account status
 * @param ticketCategoryFieldId ticket drop-down holding the canonical category
 * @param ticketBillingDisputeFieldId ticket checkbox flagging a billing dispute
 * @param ticketInvoiceFieldId ticket text field holding the related invoice id
 * @param ticketOrderFieldId ticket text field holding the related order number
 */
public record ZendeskFieldKeys(String erpCustomerNumber, String serviceTier, String entitlementEndDate,
        String entitlementStatus, String accountStatus, long ticketCategoryFieldId, long ticketBillingDisputeFieldId,
        long ticketInvoiceFieldId, long ticketOrderFieldId) {

    private static final ZendeskFieldKeys DEFAULTS = new ZendeskFieldKeys("erp_customer_number", "service_tier",
            "entitlement_end_date", "entitlement_status", "account_status", 0, 0, 0, 0);

    public ZendeskFieldKeys {
        Objects.requireNonNull(erpCustomerNumber, "erpCustomerNumber");
        Objects.requireNonNull(serviceTier, "serviceTier");
        Objects.requireNonNull(entitlementEndDate, "entitlementEndDate");
        Objects.requireNonNull(entitlementStatus, "entitlementStatus");
        Objects.requireNonNull(accountStatus, "accountStatus");
    }

    /** Organization keys {@code erp_customer_number}, {@code service_tier}, ...; no ticket fields. */
    public static ZendeskFieldKeys defaults() {
        return DEFAULTS;
    }

    public ZendeskFieldKeys withTicketFields(long categoryId, long billingDisputeId, long invoiceId, long orderId) {
        return new ZendeskFieldKeys(erpCustomerNumber, serviceTier, entitlementEndDate, entitlementStatus,
                accountStatus, categoryId, billingDisputeId, invoiceId, orderId);
    }

    public ZendeskFieldKeys withOrganizationFields(String erpNumber, String tier, String endDate, String status,
            String account) {
        return new ZendeskFieldKeys(erpNumber, tier, endDate, status, account, ticketCategoryFieldId,
                ticketBillingDisputeFieldId, ticketInvoiceFieldId, ticketOrderFieldId);
    }
}
