package dev.synckit.examples;

import dev.synckit.testkit.salesforce.SalesforceSimulator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Seeds Salesforce Accounts in a three-level hierarchy (groups → regional companies → sites), parents
 * before children, with billing and shipping addresses in several countries. Deterministic.
 */
public final class AccountSeeder {

    private static final String[][] PLACES = {
        {"US", "CA", "San Francisco", "94105", "1 Market St\nSuite 300"},
        {"DE", "BE", "Berlin", "10117", "Unter den Linden 5"},
        {"GB", "ENG", "London", "EC1A 1BB", "10 Aldersgate St"},
        {"FR", "IDF", "Paris", "75001", "12 Rue de Rivoli"},
        {"JP", "13", "Tōkyō", "100-0005", "1-1 Marunouchi"},
        {"BR", "SP", "São Paulo", "01310-100", "Av. Paulista 1000"},
    };

    private AccountSeeder() {
    }

    /**
     * Seeds {@code total} accounts: about 4% top-level, 16% second level, the rest third level.
     *
     * @return the seeded Account ids, parents first
     */
    public static List<String> seed(SalesforceSimulator salesforce, int total) {
        int top = Math.max(1, total / 25);
        int middle = Math.max(1, Math.min(total - top, total * 4 / 25));
        List<String> ids = new ArrayList<>(total);
        List<String> tops = new ArrayList<>();
        List<String> middles = new ArrayList<>();
        for (int i = 0; i < top && ids.size() < total; i++) {
            String id = salesforce.seedRecord("Account", account("Group " + (i + 1) + " Holdings", null, ids.size()));
            tops.add(id);
            ids.add(id);
        }
        for (int i = 0; i < middle && ids.size() < total; i++) {
            String id = salesforce.seedRecord("Account",
                    account("Regional Company " + (i + 1), tops.get(i % tops.size()), ids.size()));
            middles.add(id);
            ids.add(id);
        }
        for (int i = 0; ids.size() < total; i++) {
            ids.add(salesforce.seedRecord("Account",
                    account("Site " + (i + 1) + " Ltd", middles.get(i % middles.size()), ids.size())));
        }
        return ids;
    }

    static Map<String, Object> account(String name, String parentId, int n) {
        String[] bill = PLACES[n % PLACES.length];
        String[] ship = PLACES[(n + 1) % PLACES.length];
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("Name", name);
        if (parentId != null) {
            fields.put("ParentId", parentId);
        }
        fields.put("AccountNumber", String.format("ACC-%05d", n + 1));
        fields.put("Phone", "+1 415 555 " + String.format("%04d", n % 10_000));
        fields.put("Website", "https://customer" + (n + 1) + ".example.com");
        fields.put("BillingStreet", bill[4]);
        fields.put("BillingCity", bill[2]);
        fields.put("BillingState", bill[1]);
        fields.put("BillingPostalCode", bill[3]);
        fields.put("BillingCountry", bill[0]);
        fields.put("ShippingStreet", ship[4]);
        fields.put("ShippingCity", ship[2]);
        fields.put("ShippingState", ship[1]);
        fields.put("ShippingPostalCode", ship[3]);
        fields.put("ShippingCountry", ship[0]);
        return fields;
    }
}
