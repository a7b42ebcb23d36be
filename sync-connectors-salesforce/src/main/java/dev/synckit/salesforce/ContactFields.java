package dev.synckit.salesforce;

import static dev.synckit.salesforce.SalesforceMapping.name;

/**
 * The Contact field names both contact mappers use, so that an org's custom names are configured once.
 * Defaults are the standard fields; change one with a {@code withX} method. Immutable and thread-safe.
 *
 * @param account the customer lookup (default {@code AccountId})
 * @param firstName default {@code FirstName}
 * @param lastName default {@code LastName} (required on Contact)
 * @param email default {@code Email}
 * @param phone default {@code Phone}; {@code MobilePhone} is the usual alternative
 * @param title default {@code Title}
 */
public record ContactFields(String account, String firstName, String lastName, String email, String phone,
        String title) {

    private static final ContactFields DEFAULTS =
            new ContactFields("AccountId", "FirstName", "LastName", "Email", "Phone", "Title");

    public ContactFields {
        account = name(account, "account");
        firstName = name(firstName, "firstName");
        lastName = name(lastName, "lastName");
        email = name(email, "email");
        phone = name(phone, "phone");
        title = name(title, "title");
    }

    /** The standard Contact fields. */
    public static ContactFields defaults() {
        return DEFAULTS;
    }

    public ContactFields withAccount(String value) {
        return new ContactFields(value, firstName, lastName, email, phone, title);
    }

    public ContactFields withFirstName(String value) {
        return new ContactFields(account, value, lastName, email, phone, title);
    }

    public ContactFields withLastName(String value) {
        return new ContactFields(account, firstName, value, email, phone, title);
    }

    public ContactFields withEmail(String value) {
        return new ContactFields(account, firstName, lastName, value, phone, title);
    }

    public ContactFields withPhone(String value) {
        return new ContactFields(account, firstName, lastName, email, value, title);
    }

    public ContactFields withTitle(String value) {
        return new ContactFields(account, firstName, lastName, email, phone, value);
    }
}
