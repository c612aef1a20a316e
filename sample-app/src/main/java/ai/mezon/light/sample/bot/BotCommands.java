package ai.mezon.light.sample.bot;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;

/**
 * The bot's behaviour, free of Mezon and Spring so it is tested in isolation: {@code /help},
 * {@code /time} and {@code /cat} are commands; any other text {@code X} is answered
 * {@code echo: X}.
 *
 * <p>Thread-safe (immutable).
 */
public final class BotCommands {

	/** The prefix of every echo. */
	public static final String ECHO_PREFIX = "echo: ";

	/**
	 * The most code points of a text echoed (or of an unknown command named); longer ones are cut
	 * and end with an ellipsis. Mezon refuses content whose JSON is over 4,000 UTF-16 units, and
	 * a character may take up to six in JSON ({@code \u0001}): 600 keeps any answer under it.
	 */
	static final int MAX_ECHOED = 600;

	static final String HELP = """
			I echo whatever you write. Commands:
			/help - this list
			/time - the time where I run
			/cat - a picture of a cat""";

	private static final DateTimeFormatter TIME = DateTimeFormatter
		.ofPattern("HH:mm:ss 'on' EEEE d MMMM uuuu (VV)", Locale.ENGLISH);

	private final Clock clock;

	/**
	 * @param clock the clock {@code /time} reads, and its zone
	 */
	public BotCommands(Clock clock) {
		this.clock = Objects.requireNonNull(clock, "clock");
	}

	/**
	 * Decides the answer to a message's text.
	 * @param text the text received
	 * @return the answer; {@link BotReply#none()} for a blank text (e.g. a message with only a
	 * file), which would otherwise be echoed as an empty line
	 */
	public BotReply answer(String text) {
		String trimmed = text.strip();
		if (trimmed.isEmpty()) {
			return BotReply.none();
		}
		if (!trimmed.startsWith("/")) {
			// The text as received, not trimmed: an echo repeats exactly what was said.
			return BotReply.text(ECHO_PREFIX + shortened(text));
		}
		String command = trimmed.split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
		return switch (command) {
			case "/help" -> BotReply.text(HELP);
			case "/time" -> BotReply.text("It is " + ZonedDateTime.now(this.clock).format(TIME) + ".");
			case "/cat" -> BotReply.cat("Here is a cat for you.");
			default -> BotReply.text("I do not know " + shortened(command) + ". Try /help.");
		};
	}

	/** The text, cut after {@link #MAX_ECHOED} code points (never inside a surrogate pair). */
	private static String shortened(String text) {
		if (text.codePointCount(0, text.length()) <= MAX_ECHOED) {
			return text;
		}
		return text.substring(0, text.offsetByCodePoints(0, MAX_ECHOED)) + "\u2026";
	}

}
