package dev.synckit.canonical.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.synckit.canonical.SourceSystem;
import dev.synckit.canonical.code.Countries;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Customer schema v1 to v2, inside {@code CustomerRegistered} and {@code CustomerUpdated} payloads.
 *
 * <ul>
 *   <li>{@code billingAddress {street, city, state, zip, country}} becomes a one-element
 *       {@code billTo} list holding a primary {@code BILL_TO} party; {@code street} is split into
 *       address lines at line breaks, {@code state} becomes {@code region}, {@code zip} becomes
 *       {@code postalCode}, and a country name or alpha-3 code is normalised to alpha-2.
 *   <li>{@code externalIds {system: id}} becomes {@code externalRefs [{system, recordType, id}]} with
 *       the platform's customer record type ({@code Account}, {@code customer}, {@code organization}).
 *   <li>A missing {@code taxProfile} (v1 had none) becomes the empty profile.
 *   <li>In {@code CustomerUpdated.changedFields}, {@code billingAddress} becomes {@code billTo} and
 *       {@code externalIds} becomes {@code externalRefs}.
 * </ul>
 *
 * Stateless and thread-safe.
 */
final class CustomerV1ToV2Upcaster implements Upcaster {

  private static final Map<String, String> RECORD_TYPES =
      Map.of("salesforce", "Account", "netsuite", "customer", "zendesk", "organization");

  private final String eventType;

  CustomerV1ToV2Upcaster(String eventType) {
    this.eventType = eventType;
  }

  @Override
  public String eventType() {
    return eventType;
  }

  @Override
  public int fromVersion() {
    return 1;
  }

  @Override
  public ObjectNode upcast(ObjectNode document) {
    JsonNode customer = document.get("customer");
    if (customer instanceof ObjectNode c) {
      upcastCustomer(c);
    }
    JsonNode changed = document.get("changedFields");
    if (changed instanceof ArrayNode fields) {
      for (int i = 0; i < fields.size(); i++) {
        String name = fields.get(i).asText();
        if (name.equals("billingAddress")) {
          fields.set(i, fields.textNode("billTo"));
        } else if (name.equals("externalIds")) {
          fields.set(i, fields.textNode("externalRefs"));
        }
      }
    }
    return document;
  }

  private static void upcastCustomer(ObjectNode customer) {
    if (!customer.has("taxProfile")) {
      // v1 had no tax profile; v2 requires one, and the empty profile means "no tax ids, not exempt"
      customer.putObject("taxProfile");
    }
    JsonNode billing = customer.remove("billingAddress");
    if (billing instanceof ObjectNode address && !customer.has("billTo")) {
      ObjectNode party = customer.objectNode();
      party.put("role", "BILL_TO");
      party.set("address", convertAddress(address));
      party.put("primary", true);
      customer.putArray("billTo").add(party);
    }
    JsonNode ids = customer.remove("externalIds");
    if (ids instanceof ObjectNode idMap) {
      JsonNode existing = customer.get("externalRefs");
      ArrayNode refs = existing instanceof ArrayNode a ? a : customer.putArray("externalRefs");
      for (Map.Entry<String, JsonNode> e : idMap.properties()) {
        if (e.getValue().isNull()) {
          continue;
        }
        String system;
        try {
          system = SourceSystem.of(e.getKey()).id();
        } catch (IllegalArgumentException ex) {
          throw new IllegalArgumentException(
              "customer.externalIds." + e.getKey() + ": not a valid source system id", ex);
        }
        ObjectNode ref = refs.addObject();
        ref.put("system", system);
        ref.put("recordType", RECORD_TYPES.getOrDefault(system, "customer"));
        ref.put("id", e.getValue().asText());
      }
    }
  }

  private static ObjectNode convertAddress(ObjectNode v1) {
    ObjectNode v2 = v1.objectNode();
    ArrayNode lines = v2.putArray("lines");
    for (String line : splitLines(text(v1, "street"))) {
      lines.add(line);
    }
    copyText(v1, "city", v2, "city");
    copyText(v1, "state", v2, "region");
    copyText(v1, "zip", v2, "postalCode");
    String country = text(v1, "country");
    if (country != null) {
      v2.put("country", Countries.normalise(country).orElse(country));
    }
    return v2;
  }

  private static List<String> splitLines(@org.jspecify.annotations.Nullable String street) {
    List<String> lines = new ArrayList<>();
    if (street != null) {
      for (String line : street.split("\\R")) {
        if (!line.isBlank()) {
          lines.add(line.strip());
        }
      }
    }
    return lines;
  }

  private static void copyText(ObjectNode from, String fromField, ObjectNode to, String toField) {
    String value = text(from, fromField);
    if (value != null) {
      to.put(toField, value);
    }
  }

  private static @org.jspecify.annotations.Nullable String text(ObjectNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }
}
