/**
 * The audit log: who changed what, when, because of which event, with content hashes before and after.
 */
@NullMarked
package dev.synckit.core.audit;

import org.jspecify.annotations.NullMarked;
