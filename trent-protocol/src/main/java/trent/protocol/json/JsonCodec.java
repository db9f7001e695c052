package trent.protocol.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import trent.ops.NoOutput;

/**
 * Maps the operations' records to AWS JSON 1.1 and back: members in UpperCamelCase as the model
 * names them, absent members omitted, blobs as standard base64, timestamps as epoch seconds (with
 * a millisecond fraction), an operation without output as {@code {}}.
 *
 * <p>Requests are bound only after the model validator has checked every member's JSON type, so
 * binding does not meet wrong types; unknown members are ignored.
 */
public final class JsonCodec {

  /** Members whose model name is not the UpperCamelCase of the record component. */
  private static final Map<String, String> NAME_EXCEPTIONS = Map.of("awsAccountId", "AWSAccountId");

  private final ObjectMapper mapper;
  /**
   * A reader and a writer per record type, made once: the mapper's own {@code treeToValue} and
   * {@code writeValueAsBytes} look the type and its (de)serializer up in shared caches on every
   * call, measured at about 2% of a data-plane request's CPU (JFR).
   */
  private final ClassValue<ObjectReader> readers = new ClassValue<>() {
    @Override
    protected ObjectReader computeValue(Class<?> type) {
      return mapper.readerFor(type);
    }
  };
  private final ClassValue<ObjectWriter> writers = new ClassValue<>() {
    @Override
    protected ObjectWriter computeValue(Class<?> type) {
      return mapper.writerFor(type);
    }
  };

  public JsonCodec() {
    SimpleModule module = new SimpleModule("trent-aws-json");
    module.addSerializer(Instant.class, new EpochSecondsSerializer());
    module.addSerializer(NoOutput.class, new NoOutputSerializer());
    this.mapper = JsonMapper.builder()
        .propertyNamingStrategy(new ModelNames())
        .serializationInclusion(JsonInclude.Include.NON_NULL)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
        .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
        .addModule(module)
        .build();
  }

  public ObjectMapper mapper() {
    return mapper;
  }

  /** Parses a request body; an empty body is an empty object. Throws on malformed JSON. */
  public JsonNode parse(byte[] body) throws IOException {
    if (body.length == 0) {
      return mapper.createObjectNode();
    }
    return mapper.readTree(body);
  }

  public <T> T bind(JsonNode node, Class<T> type) throws JsonProcessingException {
    try {
      return readers.get(type).readValue(node);
    } catch (JsonProcessingException e) {
      throw e;
    } catch (IOException e) {
      // A tree is read from memory: only a binding problem, a JsonProcessingException, can occur.
      throw new java.io.UncheckedIOException(e);
    }
  }

  public byte[] write(Object value) throws JsonProcessingException {
    return value == null ? mapper.writeValueAsBytes(null) : writers.get(value.getClass()).writeValueAsBytes(value);
  }

  private static final class ModelNames extends PropertyNamingStrategies.NamingBase {
    private static final long serialVersionUID = 1L;

    @Override
    public String translate(String name) {
      String exception = NAME_EXCEPTIONS.get(name);
      if (exception != null) {
        return exception;
      }
      return name.isEmpty() ? name : Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
  }

  private static final class EpochSecondsSerializer extends StdSerializer<Instant> {
    private static final long serialVersionUID = 1L;

    EpochSecondsSerializer() {
      super(Instant.class);
    }

    @Override
    public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider) throws IOException {
      gen.writeNumber(BigDecimal.valueOf(value.toEpochMilli(), 3));
    }
  }

  private static final class NoOutputSerializer extends StdSerializer<NoOutput> {
    private static final long serialVersionUID = 1L;

    NoOutputSerializer() {
      super(NoOutput.class);
    }

    @Override
    public void serialize(NoOutput value, JsonGenerator gen, SerializerProvider provider) throws IOException {
      gen.writeStartObject();
      gen.writeEndObject();
    }
  }
}
