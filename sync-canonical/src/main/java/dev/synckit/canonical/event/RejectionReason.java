package dev.synckit.canonical.event;

import dev.synckit.canonical.SourceSystem;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One reason an order was rejected, as reported by the platform that rejected it. Immutable and
 * thread-safe.
 *
 * @param code the platform's error code, e.g. {@code INVALID_FIELD} or {@code CREDIT_HOLD}
 * @param field the canonical field at fault, when the platform named one
 * @param message the human-readable explanation
 * @param sourceSystem the platform that rejected the order
 */
public record RejectionReason(
    @NotBlank String code, @Nullable String field, @NotBlank String message, @NotNull SourceSystem sourceSystem) {

  /** Checks required parts are present. */
  public RejectionReason {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(sourceSystem, "sourceSystem");
  }
}
