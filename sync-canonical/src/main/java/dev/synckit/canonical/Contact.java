package dev.synckit.canonical;

import dev.synckit.canonical.validation.CanonicalId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A person at a customer (Salesforce Contact, NetSuite contact, Zendesk user). Immutable and thread-safe.
 *
 * @param id the canonical id
 * @param customerId the canonical id of the customer the person works for
 * @param firstName given name
 * @param lastName family name (Salesforce requires it)
 * @param email e-mail address
 * @param phone phone number
 * @param title job title
 * @param externalRefs this contact's id in each platform
 * @param lastModified when the source last changed the record
 * @param sourceSystem the platform this version came from
 */
public record Contact(
    @NotBlank @CanonicalId String id,
    @CanonicalId @Nullable String customerId,
    @Size(max = 80) @Nullable String firstName,
    @NotBlank @Size(max = 80) String lastName,
    @Email @Size(max = 254) @Nullable String email,
    @Size(max = 40) @Nullable String phone,
    @Size(max = 128) @Nullable String title,
    List<@Valid ExternalRef> externalRefs,
    @NotNull Instant lastModified,
    @NotNull @Valid SourceSystem sourceSystem) implements ExternallyReferenced {

  /** Validates the invariants that hold for every instance; content rules are Bean Validation constraints. */
  public Contact {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(lastName, "lastName");
    externalRefs = List.copyOf(Objects.requireNonNull(externalRefs, "externalRefs"));
    Objects.requireNonNull(lastModified, "lastModified");
    Objects.requireNonNull(sourceSystem, "sourceSystem");
  }

  /**
   * Starts an empty builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Starts a builder holding this instance's values, for copy-with-changes.
   *
   * @return a new builder initialised from this record
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.id = id;
    b.customerId = customerId;
    b.firstName = firstName;
    b.lastName = lastName;
    b.email = email;
    b.phone = phone;
    b.title = title;
    b.externalRefs.addAll(externalRefs);
    b.lastModified = lastModified;
    b.sourceSystem = sourceSystem;
    return b;
  }

  /**
   * Fluent builder for {@link Contact}. Not thread-safe: confine each builder to one thread.
   * {@link #build()} copies the collections, so a builder can be reused after building. The setters for the external
   * references, {@code lastModified} and {@code sourceSystem} are inherited from {@link TrackedBuilder}.
   */
  public static final class Builder extends TrackedBuilder<Builder> {
    private @Nullable String id;
    private @Nullable String customerId;
    private @Nullable String firstName;
    private @Nullable String lastName;
    private @Nullable String email;
    private @Nullable String phone;
    private @Nullable String title;

    private Builder() {
    }

    @Override
    protected Builder self() {
      return this;
    }

    /**
     * Sets id.
     *
     * @param id the value
     * @return this builder
     */
    public Builder id(String id) {
      this.id = id;
      return this;
    }

    /**
     * Sets customerId.
     *
     * @param customerId the value
     * @return this builder
     */
    public Builder customerId(@Nullable String customerId) {
      this.customerId = customerId;
      return this;
    }

    /**
     * Sets firstName.
     *
     * @param firstName the value
     * @return this builder
     */
    public Builder firstName(@Nullable String firstName) {
      this.firstName = firstName;
      return this;
    }

    /**
     * Sets lastName.
     *
     * @param lastName the value
     * @return this builder
     */
    public Builder lastName(String lastName) {
      this.lastName = lastName;
      return this;
    }

    /**
     * Sets email.
     *
     * @param email the value
     * @return this builder
     */
    public Builder email(@Nullable String email) {
      this.email = email;
      return this;
    }

    /**
     * Sets phone.
     *
     * @param phone the value
     * @return this builder
     */
    public Builder phone(@Nullable String phone) {
      this.phone = phone;
      return this;
    }

    /**
     * Sets title.
     *
     * @param title the value
     * @return this builder
     */
    public Builder title(@Nullable String title) {
      this.title = title;
      return this;
    }

    /**
     * Builds the record.
     *
     * @return a new immutable Contact
     * @throws NullPointerException if a required value is missing (the message names it)
     * @throws IllegalArgumentException if an invariant fails (the message names the field)
     */
    public Contact build() {
      return new Contact(id, customerId, firstName, lastName, email, phone, title, externalRefs, lastModified, sourceSystem);
    }
  }
}
