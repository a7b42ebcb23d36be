/**
 * The canonical business model shared by every connector: immutable, validated records for
 * customers, contacts, products, orders, invoices, payments, entitlements, assets and support cases.
 * Field meanings and the system of record of each field are catalogued in {@code docs/canonical-model.md}.
 */
@org.jspecify.annotations.NullMarked
package dev.synckit.canonical;
