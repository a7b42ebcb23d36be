package dev.synckit.canonical;

import dev.synckit.canonical.validation.CanonicalId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A support case (Zendesk ticket, Salesforce Case); Zendesk is the system of record. Immutable and thread-safe.
 *
 * @param id the canonical id
 * @param subject the one-line summary
 * @param description the first message / problem description
 * @param priority priority
 * @param status state
 * @param category kind of case
 * @param escalated whether the case has been escalated beyond first-line support
 * @param escalationReason why it was escalated
 * @param requesterContactId canonical id of the requesting contact
 * @param organizationCustomerId canonical id of the requester's customer (Zendesk organization)
 * @param invoiceId canonical id of the invoice in question, for billing disputes
 * @param orderNumber the related order's number as people quote it (e.g. the ERP sales order number); optional
 * @param externalRefs this case's id in each platform
 * @param lastModified when the source last changed the record
 * @param sourceSystem the platform this version came from
 */
public record SupportCase(
    @NotBlank @CanonicalId String id,
    @NotBlank @Size(max = 255) String subject,
    @Size(max = 65536) @Nullable String description,
    @NotNull CasePriority priority,
    @NotNull CaseStatus status,
    @NotNull CaseCategory category,
    boolean escalated,
    @Size(max = 1000) @Nullable String escalationReason,
    @CanonicalId @Nullable String requesterContactId,
    @CanonicalId @Nullable String organizationCustomerId,
    @CanonicalId @Nullable String invoiceId,
    @Size(max = 100) @Nullable String orderNumber,
    List<@Valid ExternalRef> externalRefs,
    @NotNull Instant lastModified,
    @NotNull @Valid SourceSystem sourceSystem) implements ExternallyReferenced {

  /** Validates the invariants that hold for every instance; content rules are Bean Validation constraints. */
  public SupportCase {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(priority, "priority");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(category, "category");
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
    b.subject = subject;
    b.description = description;
    b.priority = priority;
    b.status = status;
    b.category = category;
    b.escalated = escalated;
    b.escalationReason = escalationReason;
    b.requesterContactId = requesterContactId;
    b.organizationCustomerId = organizationCustomerId;
    b.invoiceId = invoiceId;
    b.orderNumber = orderNumber;
    b.externalRefs.addAll(externalRefs);
    b.lastModified = lastModified;
    b.sourceSystem = sourceSystem;
    return b;
  }

  /**
   * Fluent builder for {@link SupportCase}. Not thread-safe: confine each builder to one thread.
   * {@link #build()} copies the collections, so a builder can be reused after building. The setters for the external
   * references, {@code lastModified} and {@code sourceSystem} are inherited from {@link TrackedBuilder}.
   */
  public static final class Builder extends TrackedBuilder<Builder> {
    private @Nullable String id;
    private @Nullable String subject;
    private @Nullable String description;
    private @Nullable CasePriority priority = CasePriority.NORMAL;
    private @Nullable CaseStatus status = CaseStatus.NEW;
    private @Nullable CaseCategory category = CaseCategory.QUESTION;
    private boolean escalated = false;
    private @Nullable String escalationReason;
    private @Nullable String requesterContactId;
    private @Nullable String organizationCustomerId;
    private @Nullable String invoiceId;
    private @Nullable String orderNumber;

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
     * Sets subject.
     *
     * @param subject the value
     * @return this builder
     */
    public Builder subject(String subject) {
      this.subject = subject;
      return this;
    }

    /**
     * Sets description.
     *
     * @param description the value
     * @return this builder
     */
    public Builder description(@Nullable String description) {
      this.description = description;
      return this;
    }

    /**
     * Sets priority.
     *
     * @param priority the value
     * @return this builder
     */
    public Builder priority(CasePriority priority) {
      this.priority = priority;
      return this;
    }

    /**
     * Sets status.
     *
     * @param status the value
     * @return this builder
     */
    public Builder status(CaseStatus status) {
      this.status = status;
      return this;
    }

    /**
     * Sets category.
     *
     * @param category the value
     * @return this builder
     */
    public Builder category(CaseCategory category) {
      this.category = category;
      return this;
    }

    /**
     * Sets escalated.
     *
     * @param escalated the value
     * @return this builder
     */
    public Builder escalated(boolean escalated) {
      this.escalated = escalated;
      return this;
    }

    /**
     * Sets escalationReason.
     *
     * @param escalationReason the value
     * @return this builder
     */
    public Builder escalationReason(@Nullable String escalationReason) {
      this.escalationReason = escalationReason;
      return this;
    }

    /**
     * Sets requesterContactId.
     *
     * @param requesterContactId the value
     * @return this builder
     */
    public Builder requesterContactId(@Nullable String requesterContactId) {
      this.requesterContactId = requesterContactId;
      return this;
    }

    /**
     * Sets organizationCustomerId.
     *
     * @param organizationCustomerId the value
     * @return this builder
     */
    public Builder organizationCustomerId(@Nullable String organizationCustomerId) {
      this.organizationCustomerId = organizationCustomerId;
      return this;
    }

    /**
     * Sets invoiceId.
     *
     * @param invoiceId the value
     * @return this builder
     */
    public Builder invoiceId(@Nullable String invoiceId) {
      this.invoiceId = invoiceId;
      return this;
    }

    /**
     * Sets orderNumber.
     *
     * @param orderNumber the value
     * @return this builder
     */
    public Builder orderNumber(@Nullable String orderNumber) {
      this.orderNumber = orderNumber;
      return this;
    }

    /**
     * Builds the record.
     *
     * @return a new immutable SupportCase
     * @throws NullPointerException if a required value is missing (the message names it)
     * @throws IllegalArgumentException if an invariant fails (the message names the field)
     */
    public SupportCase build() {
      return new SupportCase(id, subject, description, priority, status, category, escalated, escalationReason, requesterContactId, organizationCustomerId, invoiceId, orderNumber, externalRefs, lastModified, sourceSystem);
    }
  }
}
