/**
 * Implementation details of sync-core shared between its packages; not public API.
 */
@NullMarked
package dev.synckit.core.internal;

import org.jspecify.annotations.NullMarked;
