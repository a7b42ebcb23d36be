package dev.synckit.canonical.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.synckit.canonical.event.BusinessEvent;
import dev.synckit.canonical.event.EventTypes;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The canonical JSON codec: reads and writes canonical records and business event payloads.
 * Thread-safe; create one per application and share it.
 *
 * <p>Format: ISO-8601 dates and instants; {@code Money} as {@code {"amount":"12.50","currency":"USD"}}
 * with the amount a plain decimal string (numbers are accepted on read and kept exact); null fields
 * omitted; map entries sorted. Fields no canonical type declares are skipped and counted (see
 * {@link #unknownFieldCount()}) so that older readers accept newer payloads. Absent or {@code null}
 * collections read as empty. Every read failure is a {@link CanonicalJsonException} naming the JSON
 * path and the target type.
 *
 * <p>Event payloads are written without type or version: those travel beside the payload (in the
 * envelope). {@link #readEvent} upcasts stored payloads through the {@link UpcasterChain} first.
 */
public final class CanonicalJson {

  private static final int MAX_DETAIL = 240;
  private static final Pattern FIELD_PREFIX =
      Pattern.compile("^(?:([A-Za-z_][A-Za-z0-9_]*)|([A-Za-z_]\\S*?):\\s+(.*))$", Pattern.DOTALL);

  private final ObjectMapper mapper;
  private final UnknownFieldCounter unknownFields;
  private final UpcasterChain upcasters;

  private CanonicalJson(UpcasterChain upcasters) {
    this.upcasters = upcasters;
    this.unknownFields = new UnknownFieldCounter();
    JsonSetter.Value nullsAsEmpty = JsonSetter.Value.forValueNulls(Nulls.AS_EMPTY);
    this.mapper = JsonMapper.builder()
        .addModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
        .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
        .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
        .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
        .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
        .withConfigOverride(List.class, o -> o.setSetterInfo(nullsAsEmpty))
        .withConfigOverride(Set.class, o -> o.setSetterInfo(nullsAsEmpty))
        .withConfigOverride(Map.class, o -> o.setSetterInfo(nullsAsEmpty))
        .addHandler(unknownFields)
        .build();
  }

  /**
   * Creates a codec with the {@linkplain UpcasterChain#defaults() default upcasters}.
   *
   * @return a new codec
   */
  public static CanonicalJson create() {
    return new CanonicalJson(UpcasterChain.defaults());
  }

  /**
   * Creates a codec with the given upcasters (pass {@code UpcasterChain.defaults().toBuilder()...}
   * to keep the built-in ones).
   *
   * @param upcasters the upcaster chain used by {@link #readEvent}
   * @return a new codec
   */
  public static CanonicalJson create(UpcasterChain upcasters) {
    return new CanonicalJson(Objects.requireNonNull(upcasters, "upcasters"));
  }

  /**
   * Writes a value as canonical JSON.
   *
   * @param value a canonical record, event or collection of them
   * @return the JSON text
   * @throws CanonicalJsonException if the value cannot be serialised
   */
  public String write(Object value) {
    Objects.requireNonNull(value, "value");
    try {
      return mapper.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw writeFailure(value, e);
    }
  }

  /**
   * Writes a value as canonical JSON in UTF-8.
   *
   * @param value a canonical record, event or collection of them
   * @return the UTF-8 bytes
   * @throws CanonicalJsonException if the value cannot be serialised
   */
  public byte[] writeBytes(Object value) {
    Objects.requireNonNull(value, "value");
    try {
      return mapper.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw writeFailure(value, e);
    }
  }

  /**
   * Reads canonical JSON.
   *
   * @param json the JSON text
   * @param type the target type
   * @param <T> the target type
   * @return the value
   * @throws CanonicalJsonException naming the JSON path of the fault
   */
  public <T> T read(String json, Class<T> type) {
    Objects.requireNonNull(json, "json");
    Objects.requireNonNull(type, "type");
    try {
      return mapper.readValue(json, type);
    } catch (IOException | RuntimeException e) {
      throw readFailure(type.getSimpleName(), e);
    }
  }

  /**
   * Reads canonical JSON from UTF-8 bytes.
   *
   * @param json the JSON bytes
   * @param type the target type
   * @param <T> the target type
   * @return the value
   * @throws CanonicalJsonException naming the JSON path of the fault
   */
  public <T> T read(byte[] json, Class<T> type) {
    Objects.requireNonNull(json, "json");
    Objects.requireNonNull(type, "type");
    try {
      return mapper.readValue(json, type);
    } catch (IOException | RuntimeException e) {
      throw readFailure(type.getSimpleName(), e);
    }
  }

  /**
   * Writes an event's payload. The type ({@link BusinessEvent#eventType()}) and version
   * ({@link BusinessEvent#schemaVersion()}) are not part of it; store them beside it.
   *
   * @param event the event
   * @return the payload JSON
   */
  public String writeEvent(BusinessEvent event) {
    return write(event);
  }

  /**
   * Reads an event payload stored at some schema version, upcasting it to the current version of its
   * type before binding.
   *
   * @param eventType the event type name, e.g. {@code "CustomerRegistered"}
   * @param schemaVersion the version the payload was written with
   * @param json the payload
   * @return the event at the current version
   * @throws SchemaVersionException if the version is newer than current or an upcaster step is missing
   * @throws CanonicalJsonException if the type is unknown or the payload is invalid
   */
  public BusinessEvent readEvent(String eventType, int schemaVersion, String json) {
    Objects.requireNonNull(eventType, "eventType");
    Objects.requireNonNull(json, "json");
    Class<? extends BusinessEvent> type = EventTypes.classOf(eventType)
        .orElseThrow(() -> new CanonicalJsonException(
            abbreviate(eventType), "", "unknown business event type; known types are " + EventTypes.names(), null));
    int current = EventTypes.currentVersion(eventType);
    if (schemaVersion > current) {
      throw new SchemaVersionException(eventType, schemaVersion, current,
          eventType + " version " + schemaVersion + " is newer than this library supports; upgrade SyncKit");
    }
    if (schemaVersion == current) {
      return read(json, type);
    }
    ObjectNode upcast;
    try {
      JsonNode tree = mapper.readTree(json);
      if (!(tree instanceof ObjectNode document)) {
        throw new CanonicalJsonException(eventType, "", "payload must be a JSON object", null);
      }
      upcast = upcasters.upcast(eventType, schemaVersion, current, document);
    } catch (CanonicalJsonException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw readFailure(eventType, e);
    }
    try {
      return mapper.treeToValue(upcast, type);
    } catch (IOException | RuntimeException e) {
      throw readFailure(eventType, e);
    }
  }

  /**
   * Returns how many unknown fields this codec has skipped since it was created.
   *
   * @return the count over all reads
   */
  public long unknownFieldCount() {
    return unknownFields.total();
  }

  /**
   * Returns the skipped unknown fields by name, {@code Type.field} (e.g. {@code "Customer.fax"}).
   *
   * @return an immutable snapshot, sorted by name
   */
  public Map<String, Long> unknownFieldsByName() {
    return unknownFields.byName();
  }

  /**
   * Returns a copy of the configured mapper, for hosts that must hand a mapper to another library.
   * Changing the copy does not affect this codec; unknown fields it skips are still counted here.
   *
   * @return a new mapper with this codec's configuration
   */
  public ObjectMapper mapper() {
    return mapper.copy();
  }

  private CanonicalJsonException writeFailure(Object value, JsonProcessingException e) {
    return new CanonicalJsonException(value.getClass().getSimpleName(), pathOf(e), "cannot write: " + detailOf(e), e);
  }

  private static CanonicalJsonException readFailure(String targetType, Exception e) {
    if (e instanceof CanonicalJsonException cje) {
      return cje;
    }
    if (e instanceof ValueInstantiationException vie && vie.getCause() != null) {
      // a record's constructor refused the values; its message starts with the field at fault
      return fieldFailure(targetType, pathOf(vie), vie.getCause(), e);
    }
    StreamReadException malformed = findCause(e, StreamReadException.class);
    if (malformed != null) {
      // databind may wrap a parse error with the path of the enclosing bean; the parser knows the field
      String path = pathOf(malformed);
      return new CanonicalJsonException(targetType, path.isEmpty() && e instanceof JsonMappingException jme ? pathOf(jme) : path,
          "malformed JSON: " + detailOf(malformed), e);
    }
    if (e instanceof JsonMappingException jme) {
      return new CanonicalJsonException(targetType, pathOf(jme), detailOf(jme), e);
    }
    if (e instanceof IllegalArgumentException) {
      return fieldFailure(targetType, "", e, e);
    }
    return new CanonicalJsonException(targetType, "", e.getClass().getSimpleName() + ": " + abbreviate(String.valueOf(e.getMessage())), e);
  }

  private static <X extends Throwable> @Nullable X findCause(Throwable t, Class<X> type) {
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (type.isInstance(c)) {
        return type.cast(c);
      }
    }
    return null;
  }

  private static CanonicalJsonException fieldFailure(String targetType, String basePath, Throwable fault, Exception e) {
    String message = String.valueOf(fault.getMessage());
    Matcher m = FIELD_PREFIX.matcher(message);
    if (m.matches()) {
      // either a bare field name (Objects.requireNonNull) or "field.path: explanation"
      String field = m.group(1) != null ? m.group(1) : m.group(2);
      String detail = m.group(1) != null
          ? (fault instanceof NullPointerException ? "is required" : "invalid value")
          : m.group(3);
      String path = basePath.isEmpty() ? field : basePath + "." + field;
      return new CanonicalJsonException(targetType, path, abbreviate(detail), e);
    }
    return new CanonicalJsonException(targetType, basePath, abbreviate(message), e);
  }

  private static String pathOf(JsonProcessingException e) {
    if (e instanceof StreamReadException sre && sre.getProcessor() != null) {
      return pathOf(sre.getProcessor().getParsingContext());
    }
    if (e instanceof JsonMappingException jme && !jme.getPath().isEmpty()) {
      StringBuilder sb = new StringBuilder();
      for (JsonMappingException.Reference ref : jme.getPath()) {
        String name = ref.getFieldName();
        if (name != null) {
          if (sb.length() > 0) {
            sb.append('.');
          }
          sb.append(name);
        } else if (ref.getIndex() >= 0) {
          sb.append('[').append(ref.getIndex()).append(']');
        }
      }
      return sb.toString();
    }
    return "";
  }

  private static String pathOf(@Nullable JsonStreamContext context) {
    Deque<String> parts = new ArrayDeque<>();
    for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
      if (c.inArray()) {
        parts.push("[" + Math.max(0, c.getCurrentIndex()) + "]");
      } else if (c.getCurrentName() != null) {
        parts.push("." + c.getCurrentName());
      }
    }
    String path = String.join("", parts);
    return path.startsWith(".") ? path.substring(1) : path;
  }

  private static String detailOf(JsonProcessingException e) {
    String detail = e.getOriginalMessage();
    if (e.getLocation() != null && e.getLocation().getLineNr() > 0) {
      detail = detail + " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
    }
    return abbreviate(detail);
  }

  private static String abbreviate(String s) {
    String oneLine = s.replaceAll("\\s+", " ").strip();
    return oneLine.length() <= MAX_DETAIL ? oneLine : oneLine.substring(0, MAX_DETAIL) + "…";
  }
}
