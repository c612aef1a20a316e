package ai.mezon.light.internal.json;

import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.json.JsonFactory;

/**
 * Reads the members of a JSON object, and writes an object of strings, with Jackson's streaming
 * parser and generator only.
 *
 * <p>Why not {@code JsonMapper}: the documents read here (JWT payloads, the gateway's sign-in
 * answer) are read while the application starts, and building the first mapper initialises
 * Jackson's whole data-binding layer (about 450 classes and a few hundred milliseconds on a cold
 * JVM) for what is a handful of scalar fields. The streaming layer is a fraction of that.
 */
public final class FlatJson {

	private static final JsonFactory FACTORY = JsonFactory.builder().build();

	private FlatJson() {
	}

	/**
	 * Reads the members of a JSON object. Scalars keep their text as written (numbers keep every
	 * digit); objects and arrays come as compact JSON text.
	 * @param json the document
	 * @return its members in order, or {@code null} when the document is not an object
	 * @throws JacksonException when the document is not well-formed JSON (the message may quote
	 * it: never pass it on when the document holds secrets)
	 */
	public static @Nullable Map<String, Member> readObject(byte[] json) {
		try (JsonParser parser = FACTORY.createParser(ObjectReadContext.empty(), json)) {
			return readObject(parser);
		}
	}

	/**
	 * Reads the members of a JSON object.
	 * @param json the document
	 * @return its members in order, or {@code null} when the document is not an object
	 * @throws JacksonException when the document is not well-formed JSON
	 * @see #readObject(byte[])
	 */
	public static @Nullable Map<String, Member> readObject(String json) {
		try (JsonParser parser = FACTORY.createParser(ObjectReadContext.empty(), json)) {
			return readObject(parser);
		}
	}

	private static @Nullable Map<String, Member> readObject(JsonParser parser) {
		JsonToken first = parser.nextToken();
		if (first != JsonToken.START_OBJECT) {
			// Still a malformed document when the rest is not JSON (e.g. "[1," or plain text).
			skipRest(parser, first);
			return null;
		}
		Map<String, Member> members = new LinkedHashMap<>();
		while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
			String name = parser.currentName();
			JsonToken value = parser.nextToken();
			members.put(name, new Member(value, text(parser, value)));
		}
		if (parser.nextToken() != null) {
			throw new StreamReadException(parser, "Trailing content after the JSON object");
		}
		return Collections.unmodifiableMap(members);
	}

	private static void skipRest(JsonParser parser, @Nullable JsonToken first) {
		if (first != null) {
			parser.skipChildren();
			while (parser.nextToken() != null) {
				parser.skipChildren();
			}
		}
	}

	private static @Nullable String text(JsonParser parser, JsonToken value) {
		return switch (value) {
			case VALUE_NULL -> null;
			case START_OBJECT, START_ARRAY -> {
				StringWriter out = new StringWriter();
				try (JsonGenerator generator = FACTORY.createGenerator(ObjectWriteContext.empty(), out)) {
					generator.copyCurrentStructure(parser);
				}
				yield out.toString();
			}
			default -> parser.getString();
		};
	}

	/**
	 * Writes a JSON object of strings, in the map's order.
	 * @param members the names and values
	 * @return the UTF-8 bytes of the object
	 */
	public static byte[] writeObject(Map<String, String> members) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(128);
		try (JsonGenerator generator = FACTORY.createGenerator(ObjectWriteContext.empty(), out)) {
			generator.writeStartObject();
			members.forEach(generator::writeStringProperty);
			generator.writeEndObject();
		}
		return out.toByteArray();
	}

	/**
	 * One member's value.
	 * @param token what kind of value it is ({@link JsonToken#VALUE_STRING},
	 * {@link JsonToken#VALUE_NUMBER_INT}, {@link JsonToken#START_OBJECT}...)
	 * @param text its text: a string's value, a number or literal as written, an object or array
	 * as compact JSON; {@code null} for JSON {@code null}
	 */
	public record Member(JsonToken token, @Nullable String text) {

		/** @return whether the value is a JSON string */
		public boolean isString() {
			return this.token == JsonToken.VALUE_STRING;
		}

		/** @return whether the value is a JSON number */
		public boolean isNumber() {
			return this.token == JsonToken.VALUE_NUMBER_INT || this.token == JsonToken.VALUE_NUMBER_FLOAT;
		}

		/** @return whether the value is a JSON object */
		public boolean isObject() {
			return this.token == JsonToken.START_OBJECT;
		}

		/** @return whether the value is a string, number, boolean or {@code null} */
		public boolean isScalar() {
			return this.token.isScalarValue() || this.token == JsonToken.VALUE_NULL;
		}

	}

}
