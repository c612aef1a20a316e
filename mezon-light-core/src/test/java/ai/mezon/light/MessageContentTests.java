package ai.mezon.light;

import java.util.Map;

import org.junit.jupiter.api.Test;

import ai.mezon.light.message.MessageContent;
import ai.mezon.light.message.MessageText;
import ai.mezon.light.message.OutgoingMessage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class MessageContentTests {

	// {"t":"..."}: 8 code units around the text.
	private static final int ENVELOPE = "{\"t\":\"\"}".length();

	@Test
	void contentOfExactlyTheLimitIsAccepted() {
		MessageContent content = MessageContent.text("a".repeat(MessageContent.MAX_LENGTH - ENVELOPE));
		assertThat(content.json()).hasSize(4000);
	}

	@Test
	void oneCodeUnitOverTheLimitIsRefusedWithTheLimitAndTheSize() {
		assertThatExceptionOfType(MezonContentTooLongException.class)
			.isThrownBy(() -> MessageContent.text("a".repeat(MessageContent.MAX_LENGTH - ENVELOPE + 1)))
			.isInstanceOf(IllegalArgumentException.class)
			.withMessage("Message content is 4001 UTF-16 code units long as JSON; Mezon accepts at most 4000")
			.satisfies((ex) -> {
				assertThat(ex.getLength()).isEqualTo(4001);
				assertThat(ex.getLimit()).isEqualTo(MessageContent.MAX_LENGTH);
			});
	}

	@Test
	void theLimitCountsUtf16CodeUnitsOfTheJsonNotCharactersOfTheText() {
		// 1,996 emoji are 1,996 code points but 3,992 UTF-16 code units: exactly the limit.
		String emoji = "\uD83D\uDE00";
		assertThat(MessageContent.text(emoji.repeat(1996)).json()).hasSize(4000);
		assertThatExceptionOfType(MezonContentTooLongException.class)
			.isThrownBy(() -> MessageContent.text(emoji.repeat(1996) + "a"))
			.satisfies((ex) -> assertThat(ex.getLength()).isEqualTo(4001));
		// Escapes count as written: a quote is two code units in the JSON.
		assertThatExceptionOfType(MezonContentTooLongException.class)
			.isThrownBy(() -> MessageContent.text("\"".repeat(2000)))
			.satisfies((ex) -> assertThat(ex.getLength()).isEqualTo(4000 + ENVELOPE));
	}

	@Test
	void everyWayOfMakingContentIsChecked() {
		String longText = "x".repeat(5000);
		assertThatExceptionOfType(MezonContentTooLongException.class)
			.isThrownBy(() -> MessageContent.of(Map.of("t", longText)));
		assertThatExceptionOfType(MezonContentTooLongException.class)
			.isThrownBy(() -> MessageContent.ofJson("{\"t\":\"" + longText + "\"}"));
		assertThatExceptionOfType(MezonContentTooLongException.class)
			.isThrownBy(() -> new MessageContent("{\"t\":\"" + longText + "\"}"));
		assertThatExceptionOfType(MezonContentTooLongException.class)
			.isThrownBy(() -> OutgoingMessage.text("1", longText));
		assertThatExceptionOfType(MezonContentTooLongException.class)
			.isThrownBy(() -> OutgoingMessage.of("1", MessageText.builder().text(longText).build()));
	}

	@Test
	void loneSurrogatesAreRefusedInsteadOfBecomingQuestionMarks() {
		assertThatExceptionOfType(MezonInvalidContentException.class)
			.isThrownBy(() -> MessageContent.text("broken \uD83D here"))
			.isNotInstanceOf(MezonContentTooLongException.class)
			.withMessage("Message content holds a lone UTF-16 surrogate (U+D83D) at index 13 of its JSON: "
					+ "it cannot be sent as UTF-8");
		assertThatExceptionOfType(MezonInvalidContentException.class)
			.isThrownBy(() -> MessageContent.text("\uDE00 low first"))
			.withMessageContaining("(U+DE00) at index 6");
		assertThatExceptionOfType(MezonInvalidContentException.class)
			.isThrownBy(() -> MessageContent.text("ends high \uD83D"));
		assertThatExceptionOfType(MezonInvalidContentException.class)
			.isThrownBy(() -> MessageContent.of(Map.of("t", "\uDE00\uD83D")));
	}

	@Test
	void surrogatePairsAreText() {
		assertThat(MessageContent.text("smile \uD83D\uDE00 \uD83D\uDC4D").json())
			.isEqualTo("{\"t\":\"smile \uD83D\uDE00 \uD83D\uDC4D\"}");
	}

}
