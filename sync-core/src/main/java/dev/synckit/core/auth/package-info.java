/**
 * Credentials and secrets. A {@link dev.synckit.core.auth.Secret} never shows its value in {@code toString()}.
 */
@NullMarked
package dev.synckit.core.auth;

import org.jspecify.annotations.NullMarked;
