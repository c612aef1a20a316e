package ai.mezon.light.sample.bot;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import ai.mezon.light.message.MessageContent;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link BotCommands}.
 */
class BotCommandsTests {

	private final BotCommands commands = new BotCommands(
			Clock.fixed(Instant.parse("2026-03-14T15:09:26Z"), ZoneId.of("Europe/Paris")));

	@Test
	void echoesText() {
		assertThat(this.commands.answer("hello")).isEqualTo(BotReply.text("echo: hello"));
	}

	@Test
	void echoesTheTextExactlyAsReceived() {
		assertThat(this.commands.answer("  two\nlines ").text()).isEqualTo("echo:   two\nlines ");
		assertThat(this.commands.answer("héllo 👋").text()).isEqualTo("echo: héllo 👋");
	}

	@Test
	void saysNothingToABlankText() {
		assertThat(this.commands.answer("")).isEqualTo(BotReply.none());
		assertThat(this.commands.answer(" \n\t")).isEqualTo(BotReply.none());
	}

	@Test
	void helpListsEveryCommand() {
		BotReply reply = this.commands.answer("/help");
		assertThat(reply.kind()).isEqualTo(BotReply.Kind.TEXT);
		assertThat(reply.text()).contains("/help", "/time", "/cat");
	}

	@Test
	void timeTellsTheClocksTimeInItsZone() {
		assertThat(this.commands.answer("/time").text())
			.isEqualTo("It is 16:09:26 on Saturday 14 March 2026 (Europe/Paris).");
	}

	@Test
	void catAsksForAPicture() {
		BotReply reply = this.commands.answer("/cat");
		assertThat(reply.kind()).isEqualTo(BotReply.Kind.CAT);
		assertThat(reply.text()).isNotBlank();
	}

	@Test
	void commandsIgnoreCaseSurroundingSpaceAndArguments() {
		assertThat(this.commands.answer("  /CAT please ").kind()).isEqualTo(BotReply.Kind.CAT);
		assertThat(this.commands.answer("/Time now").text()).startsWith("It is 16:09:26");
	}

	@Test
	void unknownCommandPointsToHelp() {
		assertThat(this.commands.answer("/dance")).isEqualTo(BotReply.text("I do not know /dance. Try /help."));
	}

	@Test
	void slashInsideTheTextIsNoCommand() {
		assertThat(this.commands.answer("and/or /help")).isEqualTo(BotReply.text("echo: and/or /help"));
	}

	@Test
	void aLongTextIsEchoedCutSoTheAnswerFitsMezonsLimit() {
		String emoji = "\uD83D\uDE00";
		// Control characters take six UTF-16 units each in JSON: the worst case.
		for (String unit : new String[] { "a", emoji, "\u0001", "\"" }) {
			String text = unit.repeat(5000);
			BotReply reply = this.commands.answer(text);
			assertThat(reply.text()).startsWith("echo: ").endsWith("\u2026");
			assertThat(reply.text().codePointCount(0, reply.text().length()))
				.isEqualTo("echo: ".length() + BotCommands.MAX_ECHOED + 1);
			assertThat(MessageContent.text(reply.text()).json().length()).isLessThanOrEqualTo(MessageContent.MAX_LENGTH);
		}
		// Never cut inside a surrogate pair.
		assertThat(this.commands.answer(emoji.repeat(601)).text()).isEqualTo("echo: " + emoji.repeat(600) + "\u2026");
		// Up to the cut, the text is echoed exactly.
		assertThat(this.commands.answer("b".repeat(600)).text()).isEqualTo("echo: " + "b".repeat(600));
		assertThat(MessageContent.text(this.commands.answer("/" + "\u0001".repeat(5000)).text()).json().length())
			.isLessThanOrEqualTo(MessageContent.MAX_LENGTH);
	}

}
