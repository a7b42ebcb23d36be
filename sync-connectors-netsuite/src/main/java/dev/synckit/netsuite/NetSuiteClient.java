package dev.synckit.netsuite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.synckit.canonical.SourceSystem;
import dev.synckit.core.failure.ConflictException;
import dev.synckit.core.failure.ErrorDetails;
import dev.synckit.core.failure.RejectedException;
import dev.synckit.core.failure.TransientException;
import dev.synckit.core.http.HttpCall;
import dev.synckit.core.http.HttpResult;
import dev.synckit.core.http.Json;
import dev.synckit.core.http.PlatformHttp;
import dev.synckit.core.http.UrlEncoding;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A client of NetSuite SuiteTalk REST record services for one account, every request signed with
 * token-based authentication. Failures arrive classified as {@link dev.synckit.core.failure.SyncException}
 * subclasses; this class does not retry (the engine does). Thread-safe: share one instance per account.
 */
public final class NetSuiteClient {

    private static final String RECORD_ROOT = "/services/rest/record/v1/";
    private static final Pattern RECORD_TYPE = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
    private static final Pattern INTERNAL_ID = Pattern.compile("[0-9]+");
    private static final Pattern FIELD = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

    private final NetSuiteConfig config;
    private final PlatformHttp http;

    private NetSuiteClient(NetSuiteConfig config, PlatformHttp http) {
        this.config = config;
        this.http = http;
    }

    /** A client for the configured account. */
    public static NetSuiteClient create(NetSuiteConfig config) {
        Objects.requireNonNull(config, "config");
        PlatformHttp http = PlatformHttp.builder(SourceSystem.NETSUITE, new NetSuiteErrorClassifier(config.clock()))
                .authenticator(TbaSigner.from(config))
                .requestTimeout(config.requestTimeout())
                .build();
        return new NetSuiteClient(config, http);
    }

    public NetSuiteConfig config() {
        return config;
    }

    /**
     * Creates or updates the record with this external id ({@code PUT /record/v1/{type}/eid:{externalId}}). The
     * response does not say which happened, nor the internal id: use {@link #getByExternalId} to learn it.
     *
     * @param body the fields to set; must not carry {@code id}, and an {@code externalId} in it must equal
     *     {@code externalId}
     * @throws RejectedException before any request when the external id is invalid or the body carries an id
     */
    public void upsertByExternalId(String type, String externalId, ObjectNode body) {
        requireType(type);
        ExternalIds.require(externalId);
        Objects.requireNonNull(body, "body");
        if (body.has("id")) {
            throw new RejectedException("the body of an upsert by external id must not carry an id",
                    ErrorDetails.of(SourceSystem.NETSUITE).withPlatformCode("INVALID_CONTENT").withField("id"));
        }
        JsonNode bodyExternalId = body.get("externalId");
        if (bodyExternalId != null && !bodyExternalId.isNull() && !externalId.equals(bodyExternalId.asText())) {
            throw new RejectedException("the body's externalId differs from the upsert key " + externalId,
                    ErrorDetails.of(SourceSystem.NETSUITE).withPlatformCode("INVALID_CONTENT").withField("externalId"));
        }
        http.send(write("PUT", recordUri(type, "eid:" + externalId, null), body));
    }

    /**
     * Reads a record by external id ({@code GET /record/v1/{type}/eid:{externalId}}); empty when there is none.
     * References come back as {@code {"id", "refName", "links"}} objects.
     *
     * @param fields the fields to read (NetSuite always adds {@code id}); none means all
     */
    public Optional<ObjectNode> getByExternalId(String type, String externalId, String... fields) {
        requireType(type);
        ExternalIds.require(externalId);
        return read(recordUri(type, "eid:" + externalId, fields));
    }

    /** Reads a record by internal id ({@code GET /record/v1/{type}/{id}}); empty when there is none. */
    public Optional<ObjectNode> get(String type, String internalId, String... fields) {
        requireType(type);
        Objects.requireNonNull(internalId, "internalId");
        if (!INTERNAL_ID.matcher(internalId).matches()) {
            throw new IllegalArgumentException("a NetSuite internal id is digits only, was " + internalId);
        }
        return read(recordUri(type, internalId, fields));
    }

    /**
     * Creates a record ({@code POST /record/v1/{type}}) and returns its internal id, read from the
     * {@code Location} header. Not idempotent: a retry after a lost response creates a second record, so prefer
     * {@link #upsertByExternalId} for synchronised records.
     *
     * @throws ConflictException with code {@code MISSING_LOCATION} when NetSuite accepted the record but did not
     *     say where it is (the record may exist: look it up before creating again)
     */
    public String create(String type, ObjectNode body) {
        requireType(type);
        Objects.requireNonNull(body, "body");
        HttpResult result = http.send(write("POST", recordUri(type, null, null), body));
        String location = result.header("Location").orElse("");
        String path = location.isEmpty() ? "" : URI.create(location).getRawPath();
        String id = path == null ? "" : path.substring(path.lastIndexOf('/') + 1);
        if (!INTERNAL_ID.matcher(id).matches()) {
            throw new ConflictException("NetSuite accepted " + result.describe() + " (status " + result.status()
                    + ") but its Location header names no record id",
                    ErrorDetails.of(SourceSystem.NETSUITE).withHttpStatus(result.status())
                            .withPlatformCode("MISSING_LOCATION"));
        }
        return id;
    }

    /** Requests sent so far, each attempt counted. */
    public long requestCount() {
        return http.requestCount();
    }

    private Optional<ObjectNode> read(URI uri) {
        HttpResult result = http.send(HttpCall.json("GET", uri, null).accepting(404));
        if (result.status() == 404) {
            return Optional.empty();
        }
        JsonNode node = Json.parse(result);
        if (!node.isObject()) {
            throw new TransientException("expected a record object from " + result.describe() + " but got "
                    + node.getNodeType(), ErrorDetails.of(SourceSystem.NETSUITE).withHttpStatus(result.status())
                    .withPlatformCode("MALFORMED_RESPONSE"));
        }
        return Optional.of((ObjectNode) node);
    }

    private HttpCall write(String method, URI uri, ObjectNode body) {
        return HttpCall.json(method, uri, Json.write(body))
                .withHeader("X-NetSuite-PropertyNameValidation", config.propertyNameValidation().headerValue());
    }

    private URI recordUri(String type, @Nullable String idSegment, String @Nullable [] fields) {
        StringBuilder b = new StringBuilder(config.baseUri().toString()).append(RECORD_ROOT).append(type);
        if (idSegment != null) {
            b.append('/').append(idSegment);
        }
        if (fields != null && fields.length > 0) {
            StringJoiner joined = new StringJoiner(",");
            for (String f : fields) {
                Objects.requireNonNull(f, "field");
                if (!FIELD.matcher(f).matches()) {
                    throw new IllegalArgumentException("not a NetSuite field name: " + f);
                }
                joined.add(UrlEncoding.rfc3986(f));
            }
            b.append("?fields=").append(joined);
        }
        return URI.create(b.toString());
    }

    private static void requireType(String type) {
        Objects.requireNonNull(type, "type");
        if (!RECORD_TYPE.matcher(type).matches()) {
            throw new IllegalArgumentException("not a NetSuite record type: " + type);
        }
    }

    @Override
    public String toString() {
        return "NetSuiteClient[account=" + config.accountId() + ", baseUri=" + config.baseUri() + "]";
    }
}
