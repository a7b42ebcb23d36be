/**
 * Canonical code tables (ISO 3166 countries, ISO 4217 currencies) that normalise the many spellings
 * the platforms use into the one form the canonical model stores.
 */
@org.jspecify.annotations.NullMarked
package dev.synckit.canonical.code;
