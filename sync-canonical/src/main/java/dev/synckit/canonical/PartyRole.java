package dev.synckit.canonical;

/**
 * The role an address plays for a customer or an order. Immutable and thread-safe.
 */
public enum PartyRole {
  /** Where invoices go. */
  BILL_TO,
  /** Where goods or services are delivered. */
  SHIP_TO,
  /** The legal buyer. */
  SOLD_TO
}
