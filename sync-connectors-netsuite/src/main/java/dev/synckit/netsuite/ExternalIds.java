package dev.synckit.netsuite;

import dev.synckit.canonical.SourceSystem;
import dev.synckit.core.failure.ErrorDetails;
import dev.synckit.core.failure.RejectedException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * NetSuite external ids: the upsert key of every write. NetSuite allows only letters, digits, {@code _} and
 * {@code -} (a {@code |} is read as a multi-select delimiter), so ids are checked here, before any request is
 * sent. Stateless and thread-safe.
 */
public final class ExternalIds {

    /**
     * The longest external id SyncKit sends. NetSuite's own limit is not documented in our sources; 64 is the
     * length of the longest canonical id, so derived ids are used unchanged in practice.
     */
    public static final int MAX_LENGTH = 64;

    /** The code of a refused external id. */
    public static final String INVALID_EXTERNAL_ID = "INVALID_EXTERNAL_ID";

    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9_-]+");
    private static final Pattern DISALLOWED_CHAR = Pattern.compile("[^A-Za-z0-9_-]");
    private static final int HASH_HEX_CHARS = 32;
    private static final int MAX_SHOWN = 80;

    private ExternalIds() {
    }

    /**
     * Returns the id when NetSuite accepts it as an external id.
     *
     * @throws RejectedException with code {@link #INVALID_EXTERNAL_ID} and field {@code externalId} when it is
     *     empty, longer than {@link #MAX_LENGTH} or has a character outside {@code [A-Za-z0-9_-]}
     */
    public static String require(String externalId) {
        Objects.requireNonNull(externalId, "externalId");
        if (isValid(externalId)) {
            return externalId;
        }
        String shown = externalId.length() > MAX_SHOWN ? externalId.substring(0, MAX_SHOWN) + "..." : externalId;
        String why = externalId.isEmpty() ? "it is empty"
                : externalId.length() > MAX_LENGTH ? "it is longer than " + MAX_LENGTH + " characters"
                : "NetSuite allows only letters, digits, _ and -";
        throw new RejectedException("invalid NetSuite external id '" + shown + "': " + why,
                ErrorDetails.of(SourceSystem.NETSUITE).withPlatformCode(INVALID_EXTERNAL_ID).withField("externalId"));
    }

    /** Whether NetSuite accepts the id as an external id. */
    public static boolean isValid(String externalId) {
        Objects.requireNonNull(externalId, "externalId");
        return externalId.length() <= MAX_LENGTH && ALLOWED.matcher(externalId).matches();
    }

    /**
     * The external id of a canonical record: the canonical id itself when it is valid (canonical ids use the same
     * alphabet), otherwise a stable form: the id's allowed characters, cut short, then {@code -} and 32 hex digits
     * of its SHA-256. The same canonical id always gives the same external id, in every process.
     */
    public static String fromCanonicalId(String canonicalId) {
        Objects.requireNonNull(canonicalId, "canonicalId");
        if (canonicalId.isEmpty()) {
            throw new IllegalArgumentException("canonicalId must not be empty");
        }
        if (isValid(canonicalId)) {
            return canonicalId;
        }
        String hash = sha256Hex(canonicalId).substring(0, HASH_HEX_CHARS);
        String readable = DISALLOWED_CHAR.matcher(canonicalId).replaceAll("_");
        int keep = Math.min(readable.length(), MAX_LENGTH - HASH_HEX_CHARS - 1);
        return readable.substring(0, keep) + "-" + hash;
    }

    private static String sha256Hex(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }
}
