/**
 * The mapping SPI: {@link dev.synckit.core.mapping.Mapper}s turn platform records into canonical ones and back,
 * with a {@link dev.synckit.core.mapping.MappingContext} for cross-reference look-ups and code tables.
 */
@NullMarked
package dev.synckit.core.mapping;

import org.jspecify.annotations.NullMarked;
