/**
 * HTTP plumbing shared by every connector: one JDK {@code HttpClient} wrapper that authenticates, counts, correlates and classifies.
 */
@NullMarked
package dev.synckit.core.http;

import org.jspecify.annotations.NullMarked;
