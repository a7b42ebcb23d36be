package dev.synckit.canonical;

import dev.synckit.canonical.validation.CanonicalId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A customer invoice (NetSuite invoice is the system of record). Immutable and thread-safe. All amounts are in the invoice
 * currency (enforced). The total is not required to equal the sum of the lines, because tax, shipping
 * and rounding lines may live only in the ERP.
 *
 * @param id the canonical id
 * @param customerId canonical id of the billed customer
 * @param orderId canonical id of the order this invoice bills, when any
 * @param invoiceNumber the human-facing invoice number
 * @param issueDate the invoice date
 * @param dueDate the payment due date, on or after {@code issueDate}
 * @param currency the transaction currency
 * @param lines the invoice lines
 * @param total the invoice total including tax
 * @param amountPaid the amount paid so far
 * @param amountDue the amount still due
 * @param status lifecycle state
 * @param externalRefs this invoice's id in each platform
 * @param lastModified when the source last changed the record
 * @param sourceSystem the platform this version came from
 */
public record Invoice(
    @NotBlank @CanonicalId String id,
    @NotBlank @CanonicalId String customerId,
    @CanonicalId @Nullable String orderId,
    @NotBlank @Size(max = 64) String invoiceNumber,
    @NotNull LocalDate issueDate,
    @NotNull LocalDate dueDate,
    @NotNull Currency currency,
    List<@Valid InvoiceLine> lines,
    @NotNull @Valid Money total,
    @NotNull @Valid Money amountPaid,
    @NotNull @Valid Money amountDue,
    @NotNull InvoiceStatus status,
    List<@Valid ExternalRef> externalRefs,
    @NotNull Instant lastModified,
    @NotNull @Valid SourceSystem sourceSystem) implements ExternallyReferenced {

  /** Validates the invariants that hold for every instance; content rules are Bean Validation constraints. */
  public Invoice {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(customerId, "customerId");
    Objects.requireNonNull(invoiceNumber, "invoiceNumber");
    Objects.requireNonNull(issueDate, "issueDate");
    Objects.requireNonNull(dueDate, "dueDate");
    Objects.requireNonNull(currency, "currency");
    lines = List.copyOf(Objects.requireNonNull(lines, "lines"));
    Objects.requireNonNull(total, "total");
    Objects.requireNonNull(amountPaid, "amountPaid");
    Objects.requireNonNull(amountDue, "amountDue");
    Objects.requireNonNull(status, "status");
    externalRefs = List.copyOf(Objects.requireNonNull(externalRefs, "externalRefs"));
    Objects.requireNonNull(lastModified, "lastModified");
    Objects.requireNonNull(sourceSystem, "sourceSystem");
    if (dueDate.isBefore(issueDate)) {
      throw new IllegalArgumentException("dueDate: " + dueDate + " is before issueDate " + issueDate);
    }
    for (int i = 0; i < lines.size(); i++) {
      requireCurrency("lines[" + i + "].amount", lines.get(i).amount(), currency);
    }
    requireCurrency("total", total, currency);
    requireCurrency("amountPaid", amountPaid, currency);
    requireCurrency("amountDue", amountDue, currency);
  }

  private static void requireCurrency(String field, Money money, Currency currency) {
    if (!money.currency().equals(currency)) {
      throw new IllegalArgumentException(
          field + ": currency " + money.currency() + " differs from invoice currency " + currency);
    }
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
    b.orderId = orderId;
    b.invoiceNumber = invoiceNumber;
    b.issueDate = issueDate;
    b.dueDate = dueDate;
    b.currency = currency;
    b.lines.addAll(lines);
    b.total = total;
    b.amountPaid = amountPaid;
    b.amountDue = amountDue;
    b.status = status;
    b.externalRefs.addAll(externalRefs);
    b.lastModified = lastModified;
    b.sourceSystem = sourceSystem;
    return b;
  }

  /**
   * Fluent builder for {@link Invoice}. Not thread-safe: confine each builder to one thread.
   * {@link #build()} copies the collections, so a builder can be reused after building. The setters for the external
   * references, {@code lastModified} and {@code sourceSystem} are inherited from {@link TrackedBuilder}.
   */
  public static final class Builder extends TrackedBuilder<Builder> {
    private @Nullable String id;
    private @Nullable String customerId;
    private @Nullable String orderId;
    private @Nullable String invoiceNumber;
    private @Nullable LocalDate issueDate;
    private @Nullable LocalDate dueDate;
    private @Nullable Currency currency;
    private final List<InvoiceLine> lines = new ArrayList<>();
    private @Nullable Money total;
    private @Nullable Money amountPaid;
    private @Nullable Money amountDue;
    private @Nullable InvoiceStatus status = InvoiceStatus.DRAFT;

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
    public Builder customerId(String customerId) {
      this.customerId = customerId;
      return this;
    }

    /**
     * Sets orderId.
     *
     * @param orderId the value
     * @return this builder
     */
    public Builder orderId(@Nullable String orderId) {
      this.orderId = orderId;
      return this;
    }

    /**
     * Sets invoiceNumber.
     *
     * @param invoiceNumber the value
     * @return this builder
     */
    public Builder invoiceNumber(String invoiceNumber) {
      this.invoiceNumber = invoiceNumber;
      return this;
    }

    /**
     * Sets issueDate.
     *
     * @param issueDate the value
     * @return this builder
     */
    public Builder issueDate(LocalDate issueDate) {
      this.issueDate = issueDate;
      return this;
    }

    /**
     * Sets dueDate.
     *
     * @param dueDate the value
     * @return this builder
     */
    public Builder dueDate(LocalDate dueDate) {
      this.dueDate = dueDate;
      return this;
    }

    /**
     * Sets currency.
     *
     * @param currency the value
     * @return this builder
     */
    public Builder currency(Currency currency) {
      this.currency = currency;
      return this;
    }

    /**
     * Replaces lines.
     *
     * @param lines the new values
     * @return this builder
     */
    public Builder lines(List<InvoiceLine> lines) {
      this.lines.clear();
      this.lines.addAll(Objects.requireNonNull(lines, "lines"));
      return this;
    }

    /**
     * Sets total.
     *
     * @param total the value
     * @return this builder
     */
    public Builder total(Money total) {
      this.total = total;
      return this;
    }

    /**
     * Sets amountPaid.
     *
     * @param amountPaid the value
     * @return this builder
     */
    public Builder amountPaid(Money amountPaid) {
      this.amountPaid = amountPaid;
      return this;
    }

    /**
     * Sets amountDue.
     *
     * @param amountDue the value
     * @return this builder
     */
    public Builder amountDue(Money amountDue) {
      this.amountDue = amountDue;
      return this;
    }

    /**
     * Sets status.
     *
     * @param status the value
     * @return this builder
     */
    public Builder status(InvoiceStatus status) {
      this.status = status;
      return this;
    }

    /**
     * Appends a line.
     *
     * @param line the line
     * @return this builder
     */
    public Builder addLine(InvoiceLine line) {
      this.lines.add(Objects.requireNonNull(line, "line"));
      return this;
    }

    /**
     * Builds the record.
     *
     * @return a new immutable Invoice
     * @throws NullPointerException if a required value is missing (the message names it)
     * @throws IllegalArgumentException if an invariant fails (the message names the field)
     */
    public Invoice build() {
      if (currency != null) {
        if (amountPaid == null) {
          amountPaid = Money.zero(currency);
        }
        if (amountDue == null && total != null) {
          amountDue = total.minus(amountPaid);
        }
      }
      return new Invoice(id, customerId, orderId, invoiceNumber, issueDate, dueDate, currency, lines, total, amountPaid, amountDue, status, externalRefs, lastModified, sourceSystem);
    }
  }
}
