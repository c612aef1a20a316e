package ai.mezon.light.internal.content;

import org.jspecify.annotations.Nullable;

import tools.jackson.core.JacksonException;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads and writes message content: a JSON document serialised to a string, such as
 * {@code {"t":"Hello"}} ({@code t} = text).
 *
 * <p>Incoming content is parsed leniently, as the reference client does: empty, {@code []} or
 * text that is not JSON becomes {@code {"t": <raw>}}, and a raw newline inside a JSON string is
 * tolerated (real clients send such content). Thread-safe.
 */
public final class ContentCodec {

	/** The key of the text in a content document. */
	public static final String TEXT_KEY = "t";

	/** What {@code {"t":"...}"} looks like before and after the text. */
	private static final String TEXT_PREFIX = "{\"" + TEXT_KEY + "\":\"";

	private static final String TEXT_SUFFIX = "\"}";

	// Unescaped control characters are accepted so a raw newline inside a string does not turn
	// the whole document into plain text.
	private static final JsonMapper lenient = JsonMapper.builder()
		.enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
		.build();

	private static final JsonMapper strict = JsonMapper.builder().build();

	private ContentCodec() {
	}

	/**
	 * Parses incoming content.
	 * @param raw the content string as it came off the wire
	 * @return the JSON document, never {@code null}
	 */
	public static JsonNode parse(@Nullable String raw) {
		if (raw == null || raw.isBlank() || raw.trim().equals("[]")) {
			return textNode((raw != null) ? raw : "");
		}
		String plain = plainText(raw);
		if (plain != null) {
			return textNode(plain);
		}
		try {
			JsonNode node = lenient.readTree(raw);
			return (node == null || node.isMissingNode()) ? textNode(raw) : node;
		}
		catch (JacksonException ex) {
			return textNode(raw);
		}
	}

	/**
	 * The text of a content document: its {@code t} field when it is a string, else the raw form.
	 * @param content the parsed document
	 * @param raw the raw content string
	 * @return the text
	 */
	public static String text(JsonNode content, String raw) {
		JsonNode t = content.get(TEXT_KEY);
		return (t != null && t.isString()) ? t.asString() : raw;
	}

	/**
	 * Serialises a text as content: {@code {"t": text}}.
	 * @param text the text
	 * @return the JSON string
	 */
	public static String textContent(String text) {
		// Most texts need no escaping: then the document is the text between fixed quotes, exactly
		// what Jackson writes, without a generator per message (profiled on the send path).
		return needsEscaping(text) ? strict.writeValueAsString(textNode(text)) : TEXT_PREFIX + text + TEXT_SUFFIX;
	}

	/**
	 * @return whether a string holds a character that JSON escapes ({@code "}, {@code \}, control
	 * characters), or a surrogate (left to Jackson, which knows what to do with a lone one)
	 */
	private static boolean needsEscaping(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < 0x20 || c == '"' || c == '\\' || Character.isSurrogate(c)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The common incoming shape, {@code {"t":"..."}} written without whitespace and with a text
	 * that has nothing escaped, read without a parser: it is the text between the fixed quotes.
	 * @return the text, or {@code null} when the content has any other shape (then Jackson reads it)
	 */
	static @Nullable String plainText(String raw) {
		int end = raw.length() - TEXT_SUFFIX.length();
		if (end < TEXT_PREFIX.length() || !raw.startsWith(TEXT_PREFIX) || !raw.endsWith(TEXT_SUFFIX)) {
			return null;
		}
		String text = raw.substring(TEXT_PREFIX.length(), end);
		return needsEscaping(text) ? null : text;
	}

	/**
	 * Serialises any value (a {@link JsonNode}, a map, a record...) as content JSON.
	 * @param value the content object
	 * @return the JSON string
	 * @throws IllegalArgumentException if the value cannot be serialised
	 */
	public static String toJson(Object value) {
		try {
			return strict.writeValueAsString(value);
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException("Message content cannot be serialised as JSON: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Checks that a string is one JSON document and returns it unchanged.
	 * @param json the JSON string
	 * @return the same string
	 * @throws IllegalArgumentException if it is not JSON
	 */
	public static String requireJson(String json) {
		try {
			strict.readTree(json);
			return json;
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException("Message content is not JSON: " + ex.getOriginalMessage(), ex);
		}
	}

	static JsonMapper mapper() {
		return lenient;
	}

	private static ObjectNode textNode(String text) {
		return JsonNodeFactory.instance.objectNode().put(TEXT_KEY, text);
	}

}
