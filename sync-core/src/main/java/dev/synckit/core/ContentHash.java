package dev.synckit.core;

import dev.synckit.core.http.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of a record's JSON form: equal content, equal hash. Stateless and thread-safe. */
final class ContentHash {

    private ContentHash() {
    }

    static String of(Object record) {
        String text = record instanceof CharSequence s ? s.toString() : Json.write(record);
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
