/**
 * The NetSuite connector: a SuiteTalk REST client signed with token-based authentication (OAuth 1.0a,
 * HMAC-SHA256), an upsert-by-external-id record sink and the default canonical-to-NetSuite mappers.
 */
@NullMarked
package dev.synckit.netsuite;

import org.jspecify.annotations.NullMarked;
