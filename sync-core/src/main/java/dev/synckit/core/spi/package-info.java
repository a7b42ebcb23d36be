/**
 * What connectors and host applications implement: change sources, record sinks and their value types.
 */
@NullMarked
package dev.synckit.core.spi;

import org.jspecify.annotations.NullMarked;
