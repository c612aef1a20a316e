package ai.mezon.light;

import ai.mezon.light.message.MessageContent;

/**
 * Message content longer than Mezon accepts: its serialised JSON (the {@code content} string, e.g.
 * {@code {"t":"..."}}) has more than {@link MessageContent#MAX_LENGTH} (4,000) UTF-16 code units,
 * the limit Mezon's own SDKs enforce before sending (PROTOCOL.md §4, "Limits"). Thrown when the
 * {@link MessageContent} is made, so by {@code sendDM}, {@code sendGroup} and edits before
 * anything is sent. Split a longer text into several messages, or send it as a file.
 */
public class MezonContentTooLongException extends MezonInvalidContentException {

	private final int length;

	private final int limit;

	/**
	 * @param length the content's length in UTF-16 code units
	 * @param limit the most allowed
	 */
	public MezonContentTooLongException(int length, int limit) {
		super("Message content is " + length + " UTF-16 code units long as JSON; Mezon accepts at most " + limit);
		this.length = length;
		this.limit = limit;
	}

	/**
	 * The length of the refused content.
	 * @return the serialised content's length in UTF-16 code units ({@link String#length()})
	 */
	public int getLength() {
		return this.length;
	}

	/**
	 * The limit it broke.
	 * @return the most UTF-16 code units allowed, {@link MessageContent#MAX_LENGTH}
	 */
	public int getLimit() {
		return this.limit;
	}

}
