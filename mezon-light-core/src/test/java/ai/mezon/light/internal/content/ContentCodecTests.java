package ai.mezon.light.internal.content;

import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import ai.mezon.light.MessageContent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ContentCodecTests {

	@Test
	void parsesJsonContent() {
		JsonNode content = ContentCodec.parse("{\"t\":\"Hello\",\"mk\":[{\"type\":\"b\"}]}");
		assertThat(content.get("t").asString()).isEqualTo("Hello");
		assertThat(content.get("mk").isArray()).isTrue();
		assertThat(ContentCodec.text(content, "raw")).isEqualTo("Hello");
	}

	@Test
	void emptyBracketsAndNonJsonBecomeText() {
		assertThat(ContentCodec.parse("").get("t").asString()).isEmpty();
		assertThat(ContentCodec.parse(null).get("t").asString()).isEmpty();
		assertThat(ContentCodec.parse("[]").get("t").asString()).isEqualTo("[]");
		assertThat(ContentCodec.parse("just words").get("t").asString()).isEqualTo("just words");
		assertThat(ContentCodec.parse("{broken").get("t").asString()).isEqualTo("{broken");
		assertThat(ContentCodec.parse("{\"t\":1} trailing").get("t").asString()).isEqualTo("{\"t\":1} trailing");
	}

	@Test
	void toleratesARawNewlineInsideAString() {
		JsonNode content = ContentCodec.parse("{\"t\":\"line one\nline two\r\nline three\"}");
		assertThat(content.get("t").asString()).isEqualTo("line one\nline two\r\nline three");
	}

	@Test
	void textFallsBackToTheRawContentWithoutAStringT() {
		String raw = "{\"t\":5}";
		assertThat(ContentCodec.text(ContentCodec.parse(raw), raw)).isEqualTo(raw);
		assertThat(ContentCodec.text(ContentCodec.parse("[1,2]"), "[1,2]")).isEqualTo("[1,2]");
	}

	@Test
	void writesContent() {
		assertThat(MessageContent.text("Hi \"you\"\n").json()).isEqualTo("{\"t\":\"Hi \\\"you\\\"\\n\"}");
		assertThat(MessageContent.of(Map.of("t", "x")).json()).isEqualTo("{\"t\":\"x\"}");
		assertThat(MessageContent.ofJson("{\"a\":1}").json()).isEqualTo("{\"a\":1}");
		assertThatIllegalArgumentException().isThrownBy(() -> MessageContent.ofJson("{nope"));
	}

}
