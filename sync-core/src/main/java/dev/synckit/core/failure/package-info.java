/**
 * The failure classes: one unchecked root, {@link dev.synckit.core.failure.SyncException}, and one typed subclass per way a remote call can fail.
 * Connectors classify every error once, at the edge; nothing above them parses HTTP bodies.
 */
@NullMarked
package dev.synckit.core.failure;

import org.jspecify.annotations.NullMarked;
