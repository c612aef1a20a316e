package ai.mezon.light.codec;

import org.jspecify.annotations.Nullable;

import tools.jackson.databind.JsonNode;

import ai.mezon.light.internal.content.ContentCodec;
import ai.mezon.light.message.ChannelMessage;

/**
 * A message's content: a JSON document serialised to a string, whose {@code t} field is the text
 * ({@code {"t":"Hello"}}). Incoming content is read leniently, as the SDK's socket and the
 * reference client read it (PROTOCOL.md §4): empty content, {@code []} or text that is not JSON
 * becomes {@code {"t": <raw>}}, and a raw newline inside a JSON string is tolerated.
 *
 * <p>Stateless and thread-safe.
 */
public final class MessageContents {

	/** The key of the text in a content document. */
	public static final String TEXT_KEY = ContentCodec.TEXT_KEY;

	private MessageContents() {
	}

	/**
	 * Serialises a text as content.
	 * @param text the text
	 * @return {@code {"t": text}} as a JSON string
	 */
	public static String ofText(String text) {
		return ContentCodec.textContent(text);
	}

	/**
	 * Serialises any content document (a {@link JsonNode}, a map, a record...).
	 * @param document the document
	 * @return its JSON string
	 * @throws IllegalArgumentException if it cannot be serialised
	 */
	public static String ofDocument(Object document) {
		return ContentCodec.toJson(document);
	}

	/**
	 * Parses content as it came off the wire, leniently (see the class description).
	 * @param raw the content string, possibly {@code null} or empty
	 * @return the document, never {@code null}
	 */
	public static JsonNode parse(@Nullable String raw) {
		return ContentCodec.parse(raw);
	}

	/**
	 * The text of content as it came off the wire: its {@code t} field when that is a string,
	 * else the raw content itself, exactly as {@code ChannelMessage.text()} answers.
	 * @param raw the content string, possibly {@code null} or empty
	 * @return the text, {@code ""} for {@code null}
	 */
	public static String text(@Nullable String raw) {
		String content = (raw != null) ? raw : "";
		return ContentCodec.text(ContentCodec.parse(content), content);
	}

}
