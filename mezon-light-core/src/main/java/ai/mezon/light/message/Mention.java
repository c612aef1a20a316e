package ai.mezon.light.message;

import java.util.Objects;

/**
 * A user mentioned in a message's text ({@code MessageMention} on the wire).
 *
 * <h2>Offsets</h2>
 * {@code start} and {@code end} index the message's text (the content's {@code t}) in
 * <strong>UTF-16 code units</strong>, {@code start} inclusive and {@code end} exclusive: exactly
 * what {@link String#substring(int, int)} takes, and exactly what the JavaScript clients of Mezon
 * use ({@code String.prototype.slice}). An emoji outside the Basic Multilingual Plane, such as
 * 👋, counts as two units, so a mention after it starts two units later than its code point
 * index. Code point offsets would disagree with every JavaScript client and are not used.
 *
 * @param userId the mentioned user's id (decimal), or {@code ""} for a mention of something
 * else (a role, everyone)
 * @param username the mentioned user's name as the sender wrote it, possibly empty
 * @param start the offset of the mention's first UTF-16 unit in the text
 * @param end the offset just after its last UTF-16 unit
 */
public record Mention(String userId, String username, int start, int end) {

	public Mention {
		Objects.requireNonNull(userId, "userId");
		Objects.requireNonNull(username, "username");
		if (start < 0 || end < start) {
			throw new IllegalArgumentException("Invalid mention offsets [" + start + ", " + end + ")");
		}
	}

	/**
	 * The mention's span of a text, e.g. {@code "@alice"}.
	 * @param text the message text the offsets refer to
	 * @return the mentioned span
	 * @throws IndexOutOfBoundsException if the offsets do not fit the text
	 */
	public String textIn(String text) {
		return text.substring(this.start, this.end);
	}

}
