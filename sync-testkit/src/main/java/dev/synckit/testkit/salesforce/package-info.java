/**
 * A stateful simulator of the Salesforce OAuth token endpoint and REST data API (records, SOQL query and
 * queryAll with paging, API usage limits).
 */
@org.jspecify.annotations.NullMarked
package dev.synckit.testkit.salesforce;
