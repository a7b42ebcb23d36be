package dev.synckit.canonical;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A platform SyncKit exchanges records with, identified by a short lower-case id. An open set:
 * connectors for further platforms use {@link #of(String)}. In JSON it is the plain id string.
 * Immutable and thread-safe.
 *
 * @param id the platform id: lower-case letters, digits and {@code -}
 */
public record SourceSystem(String id) {

  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

  /** Salesforce (CRM): system of record for accounts, contacts, opportunities and orders. */
  public static final SourceSystem SALESFORCE = new SourceSystem("salesforce");
  /** NetSuite (ERP): system of record for invoices, payments, terms and currencies. */
  public static final SourceSystem NETSUITE = new SourceSystem("netsuite");
  /** Zendesk (support): system of record for support cases. */
  public static final SourceSystem ZENDESK = new SourceSystem("zendesk");

  /**
   * Validates the id.
   *
   * @throws IllegalArgumentException if the id is not lower-case letters, digits and {@code -}
   */
  public SourceSystem {
    Objects.requireNonNull(id, "id");
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException("source system id must match " + ID.pattern());
    }
  }

  /**
   * Returns the system with the given id, reusing the well-known constants. Input is trimmed and
   * lower-cased, so {@code "Salesforce"} gives {@link #SALESFORCE}.
   *
   * @param id the platform id
   * @return the source system
   */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static SourceSystem of(String id) {
    Objects.requireNonNull(id, "id");
    String normalised = id.strip().toLowerCase(Locale.ROOT);
    switch (normalised) {
      case "salesforce":
        return SALESFORCE;
      case "netsuite":
        return NETSUITE;
      case "zendesk":
        return ZENDESK;
      default:
        return new SourceSystem(normalised);
    }
  }

  /**
   * Returns the id; this is also the JSON form.
   *
   * @return the id
   */
  @Override
  @JsonValue
  public String id() {
    return id;
  }

  @Override
  public String toString() {
    return id;
  }
}
