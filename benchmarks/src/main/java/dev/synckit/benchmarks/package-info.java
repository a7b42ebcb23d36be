/**
 * Throughput and latency measurements: JMH benchmarks and plain mains for end-to-end runs.
 */
@NullMarked
package dev.synckit.benchmarks;

import org.jspecify.annotations.NullMarked;
