/**
 * SyncKit's engine API: build a {@link dev.synckit.core.SyncEngine} from routes, run it, read its summary.
 * Every change travels as an {@link dev.synckit.core.Envelope}.
 */
@NullMarked
package dev.synckit.core;

import org.jspecify.annotations.NullMarked;
