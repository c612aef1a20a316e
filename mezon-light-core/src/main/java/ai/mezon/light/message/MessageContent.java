package ai.mezon.light.message;

import java.util.Locale;
import java.util.Objects;

import ai.mezon.light.MezonContentTooLongException;
import ai.mezon.light.MezonInvalidContentException;
import ai.mezon.light.internal.content.ContentCodec;

/**
 * The content of an outgoing message: a JSON document, serialised as the wire carries it. Use
 * {@link #text(String)} for plain text ({@code {"t": text}}) or {@link #of(Object)} for any JSON
 * content (a {@code JsonNode}, a map, a record...).
 *
 * <p>Checked when made, so a message Mezon would refuse or mangle fails before anything is sent:
 * the serialised JSON must be at most {@link #MAX_LENGTH} UTF-16 code units
 * ({@link MezonContentTooLongException}) and must not hold a lone UTF-16 surrogate
 * ({@link MezonInvalidContentException}; the wire's UTF-8 would turn it into {@code ?}).
 *
 * @param json the JSON string sent as {@code content}
 */
public record MessageContent(String json) {

	/**
	 * The most UTF-16 code units ({@link String#length()}) the serialised content may have: the
	 * limit Mezon's own SDKs enforce before sending (PROTOCOL.md §4). It counts the JSON, so a
	 * text's quotes and escapes count too: {@code {"t":"..."}} leaves 3,992 for a text without
	 * characters to escape.
	 */
	public static final int MAX_LENGTH = 4000;

	/**
	 * @param json the JSON string sent as {@code content}
	 * @throws MezonContentTooLongException if it is longer than {@link #MAX_LENGTH}
	 * @throws MezonInvalidContentException if it holds a lone UTF-16 surrogate
	 */
	public MessageContent {
		Objects.requireNonNull(json, "json");
		if (json.length() > MAX_LENGTH) {
			throw new MezonContentTooLongException(json.length(), MAX_LENGTH);
		}
		int lone = loneSurrogate(json);
		if (lone >= 0) {
			throw new MezonInvalidContentException("Message content holds a lone UTF-16 surrogate (U+"
					+ Integer.toHexString(json.charAt(lone)).toUpperCase(Locale.ROOT) + ") at index " + lone
					+ " of its JSON: it cannot be sent as UTF-8");
		}
	}

	/** The index of the first surrogate that is not half of a pair, or -1. */
	private static int loneSurrogate(String json) {
		for (int i = 0; i < json.length(); i++) {
			char c = json.charAt(i);
			if (Character.isHighSurrogate(c) && i + 1 < json.length() && Character.isLowSurrogate(json.charAt(i + 1))) {
				i++;
			}
			else if (Character.isSurrogate(c)) {
				return i;
			}
		}
		return -1;
	}

	/**
	 * Plain-text content, {@code {"t": text}}.
	 * @param text the text
	 * @return the content
	 * @throws MezonContentTooLongException if the JSON is longer than {@link #MAX_LENGTH}
	 * @throws MezonInvalidContentException if the text holds a lone UTF-16 surrogate
	 */
	public static MessageContent text(String text) {
		return new MessageContent(ContentCodec.textContent(Objects.requireNonNull(text, "text")));
	}

	/**
	 * Any content, serialised with Jackson.
	 * @param value the content object
	 * @return the content
	 * @throws IllegalArgumentException if the value cannot be serialised
	 * @throws MezonContentTooLongException if the JSON is longer than {@link #MAX_LENGTH}
	 * @throws MezonInvalidContentException if it holds a lone UTF-16 surrogate
	 */
	public static MessageContent of(Object value) {
		return new MessageContent(ContentCodec.toJson(Objects.requireNonNull(value, "value")));
	}

	/**
	 * Content that is already a JSON string.
	 * @param json the JSON document
	 * @return the content
	 * @throws IllegalArgumentException if it is not JSON
	 * @throws MezonContentTooLongException if it is longer than {@link #MAX_LENGTH}
	 * @throws MezonInvalidContentException if it holds a lone UTF-16 surrogate
	 */
	public static MessageContent ofJson(String json) {
		return new MessageContent(ContentCodec.requireJson(json));
	}

}
