/**
 * Runnable programs that wire SyncKit end to end against the testkit's simulators.
 */
@NullMarked
package dev.synckit.examples;

import org.jspecify.annotations.NullMarked;
