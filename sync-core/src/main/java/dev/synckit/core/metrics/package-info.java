/**
 * Metrics: the {@link dev.synckit.core.metrics.SyncMetrics} SPI the engine reports to, an in-memory
 * implementation with snapshots, and a Micrometer binding (Micrometer is an optional dependency).
 */
@NullMarked
package dev.synckit.core.metrics;

import org.jspecify.annotations.NullMarked;
