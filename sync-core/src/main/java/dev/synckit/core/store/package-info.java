/**
 * Side stores: cross-references, idempotency keys and source checkpoints, with in-memory implementations for tests and single-process use.
 */
@NullMarked
package dev.synckit.core.store;

import org.jspecify.annotations.NullMarked;
