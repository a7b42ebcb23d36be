package dev.synckit.canonical;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * How to reach a person for a party (billing contact, delivery contact). Immutable and thread-safe.
 *
 * @param name the person's name
 * @param email the e-mail address
 * @param phone the phone number, preferably E.164
 */
public record ContactPoint(
    @Size(max = 255) @Nullable String name,
    @Email @Size(max = 254) @Nullable String email,
    @Size(max = 40) @Nullable String phone) {

  /** Validates the invariants that hold for every instance; content rules are Bean Validation constraints. */
  public ContactPoint {
  }
}
