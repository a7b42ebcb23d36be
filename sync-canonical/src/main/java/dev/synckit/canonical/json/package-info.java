/**
 * The canonical JSON codec: a configured Jackson mapper with schema-versioned event payloads,
 * upcasters that migrate stored payloads to the current version, and path-naming read errors.
 */
@org.jspecify.annotations.NullMarked
package dev.synckit.canonical.json;
