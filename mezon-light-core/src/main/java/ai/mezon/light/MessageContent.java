package ai.mezon.light;

import java.util.Objects;

import ai.mezon.light.internal.content.ContentCodec;

/**
 * The content of an outgoing message: a JSON document, serialised as the wire carries it. Use
 * {@link #text(String)} for plain text ({@code {"t": text}}) or {@link #of(Object)} for any JSON
 * content (a {@code JsonNode}, a map, a record...).
 *
 * @param json the JSON string sent as {@code content}
 */
public record MessageContent(String json) {

	public MessageContent {
		Objects.requireNonNull(json, "json");
	}

	/**
	 * Plain-text content, {@code {"t": text}}.
	 * @param text the text
	 * @return the content
	 */
	public static MessageContent text(String text) {
		return new MessageContent(ContentCodec.textContent(Objects.requireNonNull(text, "text")));
	}

	/**
	 * Any content, serialised with Jackson.
	 * @param value the content object
	 * @return the content
	 * @throws IllegalArgumentException if the value cannot be serialised
	 */
	public static MessageContent of(Object value) {
		return new MessageContent(ContentCodec.toJson(Objects.requireNonNull(value, "value")));
	}

	/**
	 * Content that is already a JSON string.
	 * @param json the JSON document
	 * @return the content
	 * @throws IllegalArgumentException if it is not JSON
	 */
	public static MessageContent ofJson(String json) {
		return new MessageContent(ContentCodec.requireJson(json));
	}

}
