/**
 * Business events: the facts that travel through the journal, each a versioned record with a
 * business key that orders it. The catalogue is in {@code docs/events.md}.
 */
@org.jspecify.annotations.NullMarked
package dev.synckit.canonical.event;
