/**
 * The Salesforce connector: OAuth (client credentials, JWT bearer), SOQL paging, error classification,
 * a {@code SystemModstamp} change source and the default Account → Customer mapper. Start with
 * {@link dev.synckit.salesforce.SalesforceConfig} and {@link dev.synckit.salesforce.SalesforceClient}.
 */
@NullMarked
package dev.synckit.salesforce;

import org.jspecify.annotations.NullMarked;
