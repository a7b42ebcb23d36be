/**
 * Jakarta Bean Validation constraints specific to the canonical model, such as ISO country codes
 * and canonical identifiers.
 */
@org.jspecify.annotations.NullMarked
package dev.synckit.canonical.validation;
