/**
 * The Salesforce connector: OAuth (client credentials, JWT bearer, refresh token), SOQL paging, upserts by
 * external id (single and sObject Collections, with a record sink), getDeleted / getUpdated, error
 * classification, a {@code SystemModstamp} change source and the default Account ⇄ Customer mappers. Start with
 * {@link dev.synckit.salesforce.SalesforceConfig} and {@link dev.synckit.salesforce.SalesforceClient}.
 */
@NullMarked
package dev.synckit.salesforce;

import org.jspecify.annotations.NullMarked;
