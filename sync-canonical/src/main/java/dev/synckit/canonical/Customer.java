package dev.synckit.canonical;

import dev.synckit.canonical.validation.CanonicalId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A customer (Salesforce Account, NetSuite customer, Zendesk organization) in canonical form. Immutable and thread-safe.
 * Build with {@link #builder()}; see {@code docs/canonical-model.md} for each field's system of record.
 *
 * @param id the canonical id
 * @param name the display name
 * @param legalName the registered legal name
 * @param parentId the canonical id of the parent customer in the account hierarchy
 * @param billTo bill-to parties
 * @param shipTo ship-to parties
 * @param taxProfile tax identifiers and exemption
 * @param currency the customer's default transaction currency
 * @param paymentTerms payment terms, e.g. {@code Net 30}
 * @param status lifecycle state
 * @param email main e-mail address
 * @param phone main phone number
 * @param website web site URL
 * @param externalRefs this customer's id in each platform
 * @param customAttributes platform custom fields, by canonical attribute name
 * @param lastModified when the source last changed the record
 * @param sourceSystem the platform this version of the record came from
 */
public record Customer(
    @NotBlank @CanonicalId String id,
    @NotBlank @Size(max = 255) String name,
    @Size(max = 255) @Nullable String legalName,
    @CanonicalId @Nullable String parentId,
    List<@Valid Party> billTo,
    List<@Valid Party> shipTo,
    @NotNull @Valid TaxProfile taxProfile,
    @Nullable Currency currency,
    @Size(max = 64) @Nullable String paymentTerms,
    @NotNull CustomerStatus status,
    @Email @Size(max = 254) @Nullable String email,
    @Size(max = 40) @Nullable String phone,
    @Size(max = 255) @Nullable String website,
    List<@Valid ExternalRef> externalRefs,
    Map<String, String> customAttributes,
    @NotNull Instant lastModified,
    @NotNull @Valid SourceSystem sourceSystem) implements ExternallyReferenced {

  /** Validates the invariants that hold for every instance; content rules are Bean Validation constraints. */
  public Customer {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    billTo = List.copyOf(Objects.requireNonNull(billTo, "billTo"));
    shipTo = List.copyOf(Objects.requireNonNull(shipTo, "shipTo"));
    Objects.requireNonNull(taxProfile, "taxProfile");
    Objects.requireNonNull(status, "status");
    externalRefs = List.copyOf(Objects.requireNonNull(externalRefs, "externalRefs"));
    customAttributes = Map.copyOf(Objects.requireNonNull(customAttributes, "customAttributes"));
    Objects.requireNonNull(lastModified, "lastModified");
    Objects.requireNonNull(sourceSystem, "sourceSystem");
  }

  /**
   * Returns the primary bill-to party, or else the first bill-to party.
   *
   * @return the bill-to party, or empty if there is none
   */
  public Optional<Party> primaryBillTo() {
    return primaryOf(billTo);
  }

  /**
   * Returns the primary ship-to party, or else the first ship-to party.
   *
   * @return the ship-to party, or empty if there is none
   */
  public Optional<Party> primaryShipTo() {
    return primaryOf(shipTo);
  }

  private static Optional<Party> primaryOf(List<Party> parties) {
    return parties.stream().filter(Party::primary).findFirst().or(() -> parties.stream().findFirst());
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
    b.name = name;
    b.legalName = legalName;
    b.parentId = parentId;
    b.billTo.addAll(billTo);
    b.shipTo.addAll(shipTo);
    b.taxProfile = taxProfile;
    b.currency = currency;
    b.paymentTerms = paymentTerms;
    b.status = status;
    b.email = email;
    b.phone = phone;
    b.website = website;
    b.externalRefs.addAll(externalRefs);
    b.customAttributes.putAll(customAttributes);
    b.lastModified = lastModified;
    b.sourceSystem = sourceSystem;
    return b;
  }

  /**
   * Fluent builder for {@link Customer}. Not thread-safe: confine each builder to one thread.
   * {@link #build()} copies the collections, so a builder can be reused after building. The setters for the external
   * references, {@code lastModified} and {@code sourceSystem} are inherited from {@link TrackedBuilder}.
   */
  public static final class Builder extends TrackedBuilder<Builder> {
    private @Nullable String id;
    private @Nullable String name;
    private @Nullable String legalName;
    private @Nullable String parentId;
    private final List<Party> billTo = new ArrayList<>();
    private final List<Party> shipTo = new ArrayList<>();
    private @Nullable TaxProfile taxProfile = TaxProfile.none();
    private @Nullable Currency currency;
    private @Nullable String paymentTerms;
    private @Nullable CustomerStatus status = CustomerStatus.ACTIVE;
    private @Nullable String email;
    private @Nullable String phone;
    private @Nullable String website;
    private final Map<String, String> customAttributes = new LinkedHashMap<>();

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
     * Sets name.
     *
     * @param name the value
     * @return this builder
     */
    public Builder name(String name) {
      this.name = name;
      return this;
    }

    /**
     * Sets legalName.
     *
     * @param legalName the value
     * @return this builder
     */
    public Builder legalName(@Nullable String legalName) {
      this.legalName = legalName;
      return this;
    }

    /**
     * Sets parentId.
     *
     * @param parentId the value
     * @return this builder
     */
    public Builder parentId(@Nullable String parentId) {
      this.parentId = parentId;
      return this;
    }

    /**
     * Replaces billTo.
     *
     * @param billTo the new values
     * @return this builder
     */
    public Builder billTo(List<Party> billTo) {
      this.billTo.clear();
      this.billTo.addAll(Objects.requireNonNull(billTo, "billTo"));
      return this;
    }

    /**
     * Replaces shipTo.
     *
     * @param shipTo the new values
     * @return this builder
     */
    public Builder shipTo(List<Party> shipTo) {
      this.shipTo.clear();
      this.shipTo.addAll(Objects.requireNonNull(shipTo, "shipTo"));
      return this;
    }

    /**
     * Sets taxProfile.
     *
     * @param taxProfile the value
     * @return this builder
     */
    public Builder taxProfile(TaxProfile taxProfile) {
      this.taxProfile = taxProfile;
      return this;
    }

    /**
     * Sets currency.
     *
     * @param currency the value
     * @return this builder
     */
    public Builder currency(@Nullable Currency currency) {
      this.currency = currency;
      return this;
    }

    /**
     * Sets paymentTerms.
     *
     * @param paymentTerms the value
     * @return this builder
     */
    public Builder paymentTerms(@Nullable String paymentTerms) {
      this.paymentTerms = paymentTerms;
      return this;
    }

    /**
     * Sets status.
     *
     * @param status the value
     * @return this builder
     */
    public Builder status(CustomerStatus status) {
      this.status = status;
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
     * Sets website.
     *
     * @param website the value
     * @return this builder
     */
    public Builder website(@Nullable String website) {
      this.website = website;
      return this;
    }

    /**
     * Replaces customAttributes.
     *
     * @param customAttributes the new entries
     * @return this builder
     */
    public Builder customAttributes(Map<String, String> customAttributes) {
      this.customAttributes.clear();
      this.customAttributes.putAll(Objects.requireNonNull(customAttributes, "customAttributes"));
      return this;
    }

    /**
     * Appends a bill-to party.
     *
     * @param party the party
     * @return this builder
     */
    public Builder addBillTo(Party party) {
      this.billTo.add(Objects.requireNonNull(party, "party"));
      return this;
    }

    /**
     * Appends a ship-to party.
     *
     * @param party the party
     * @return this builder
     */
    public Builder addShipTo(Party party) {
      this.shipTo.add(Objects.requireNonNull(party, "party"));
      return this;
    }

    /**
     * Sets one custom attribute.
     *
     * @param name the canonical attribute name
     * @param value the value
     * @return this builder
     */
    public Builder customAttribute(String name, String value) {
      this.customAttributes.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /**
     * Builds the record.
     *
     * @return a new immutable Customer
     * @throws NullPointerException if a required value is missing (the message names it)
     * @throws IllegalArgumentException if an invariant fails (the message names the field)
     */
    public Customer build() {
      return new Customer(id, name, legalName, parentId, billTo, shipTo, taxProfile, currency, paymentTerms, status, email, phone, website, externalRefs, customAttributes, lastModified, sourceSystem);
    }
  }
}
