/**
 * Per-connector resilience: quota readings from response headers, and (with the durable engine)
 * the rate limiter, bulkhead, retry and circuit breaker each target system gets.
 */
@NullMarked
package dev.synckit.core.resilience;

import org.jspecify.annotations.NullMarked;
