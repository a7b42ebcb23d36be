/**
 * JDBC stores behind the core SPIs: journal, cross-reference, checkpoints, idempotency and audit on
 * one {@code javax.sql.DataSource}. H2 (embedded, the default) and PostgreSQL (several host instances
 * sharing work) are supported; {@link dev.synckit.core.jdbc.SyncKitDatabase} is the entry point.
 */
@NullMarked
package dev.synckit.core.jdbc;

import org.jspecify.annotations.NullMarked;
