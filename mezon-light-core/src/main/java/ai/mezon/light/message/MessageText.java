package ai.mezon.light.message;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import ai.mezon.light.Ids;

/**
 * A text with the users it mentions, their offsets computed as the text is built:
 *
 * <pre>{@code
 * MessageText text = MessageText.builder().text("👋 hi ").mention(aliceId, "@alice").text("!").build();
 * // text.text() is "👋 hi @alice!"; the mention spans [6, 12): the emoji counts as two units
 * socket.sendDM(OutgoingMessage.of(channelId, text));
 * }</pre>
 *
 * Offsets are UTF-16 code units ({@link String#length()} and {@link String#substring}), as in
 * the JavaScript clients of Mezon; see {@link Mention}.
 *
 * @param text the whole text
 * @param mentions the mentions, in text order, each within the text
 */
public record MessageText(String text, List<Mention> mentions) {

	public MessageText {
		Objects.requireNonNull(text, "text");
		mentions = List.copyOf(mentions);
		for (Mention mention : mentions) {
			if (mention.end() > text.length()) {
				throw new IllegalArgumentException("Mention of user " + mention.userId() + " ends at " + mention.end()
						+ ", past the text's " + text.length() + " UTF-16 units");
			}
		}
	}

	/**
	 * A text without mentions.
	 * @param text the text
	 * @return the message text
	 */
	public static MessageText of(String text) {
		return new MessageText(text, List.of());
	}

	/** @return a builder of an empty text */
	public static Builder builder() {
		return new Builder();
	}

	/** Appends text and mentions, recording each mention's offsets. Not thread-safe. */
	public static final class Builder {

		private final StringBuilder text = new StringBuilder();

		private final List<Mention> mentions = new ArrayList<>();

		private Builder() {
		}

		/**
		 * Appends plain text.
		 * @param text the text
		 * @return this builder
		 */
		public Builder text(String text) {
			this.text.append(Objects.requireNonNull(text, "text"));
			return this;
		}

		/**
		 * Appends a mention of a user, shown as {@code label} (usually {@code "@" + username}). The
		 * mention's user name is the label without its leading {@code @}.
		 * @param userId the mentioned user's id (decimal)
		 * @param label the text shown, e.g. {@code "@alice"}; not empty
		 * @return this builder
		 */
		public Builder mention(String userId, String label) {
			Objects.requireNonNull(label, "label");
			return mention(userId, label.startsWith("@") ? label.substring(1) : label, label);
		}

		/**
		 * Appends a mention of a user with an explicit user name.
		 * @param userId the mentioned user's id (decimal)
		 * @param username the user name carried in the mention
		 * @param label the text shown; not empty
		 * @return this builder
		 */
		public Builder mention(String userId, String username, String label) {
			Ids.parse("userId", userId);
			Objects.requireNonNull(username, "username");
			if (label == null || label.isEmpty()) {
				throw new IllegalArgumentException("A mention's label must not be empty");
			}
			int start = this.text.length();
			this.text.append(label);
			this.mentions.add(new Mention(userId.trim(), username, start, this.text.length()));
			return this;
		}

		/** @return the text and its mentions */
		public MessageText build() {
			return new MessageText(this.text.toString(), this.mentions);
		}

	}

}
