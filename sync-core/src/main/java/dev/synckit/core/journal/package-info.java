/**
 * The journal: the ordered, leased queue of envelopes between reading and writing, with next-attempt times and dead letters.
 */
@NullMarked
package dev.synckit.core.journal;

import org.jspecify.annotations.NullMarked;
