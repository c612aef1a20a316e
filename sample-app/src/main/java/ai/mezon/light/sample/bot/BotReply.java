package ai.mezon.light.sample.bot;

import java.util.Objects;

/**
 * What the bot answers to one message: nothing, a text, or a text with a picture of a cat.
 *
 * @param kind the kind of answer
 * @param text the text to send; empty when {@link Kind#NONE}
 */
public record BotReply(Kind kind, String text) {

	private static final BotReply NONE = new BotReply(Kind.NONE, "");

	public BotReply {
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(text, "text");
	}

	/** @return no answer */
	public static BotReply none() {
		return NONE;
	}

	/**
	 * @param text the text
	 * @return a text answer
	 */
	public static BotReply text(String text) {
		return new BotReply(Kind.TEXT, text);
	}

	/**
	 * @param caption the text sent with the picture
	 * @return an answer carrying a picture of a cat
	 */
	public static BotReply cat(String caption) {
		return new BotReply(Kind.CAT, caption);
	}

	/** Kinds of answer. */
	public enum Kind {

		/** Say nothing. */
		NONE,

		/** Send the text. */
		TEXT,

		/** Upload a picture of a cat and send it with the text. */
		CAT

	}

}
