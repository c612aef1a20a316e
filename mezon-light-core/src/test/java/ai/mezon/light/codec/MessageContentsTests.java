package ai.mezon.light.codec;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MessageContentsTests {

	@Test
	void textRoundTrips() {
		String json = MessageContents.ofText("hé \"quoted\"\nline");
		assertThat(json).startsWith("{\"t\":");
		assertThat(MessageContents.text(json)).isEqualTo("hé \"quoted\"\nline");
	}

	@Test
	void contentThatIsNotJsonIsItsOwnText() {
		assertThat(MessageContents.text("plain words")).isEqualTo("plain words");
		assertThat(MessageContents.text("")).isEmpty();
		assertThat(MessageContents.text(null)).isEmpty();
		assertThat(MessageContents.parse("[]").get(MessageContents.TEXT_KEY).asString()).isEqualTo("[]");
	}

	@Test
	void aDocumentWithoutTextAnswersItsRawForm() {
		String json = MessageContents.ofDocument(java.util.Map.of("embed", 1));
		assertThat(json).isEqualTo("{\"embed\":1}");
		assertThat(MessageContents.text(json)).isEqualTo(json);
	}

	@Test
	void aRawNewlineInsideAStringIsTolerated() {
		assertThat(MessageContents.text("{\"t\":\"a\nb\"}")).isEqualTo("a\nb");
	}

}
