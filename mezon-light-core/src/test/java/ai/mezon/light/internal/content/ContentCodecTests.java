package ai.mezon.light.internal.content;

import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import ai.mezon.light.message.MessageContent;

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

	/**
	 * textContent and parse read and write {"t":"..."} without Jackson when nothing needs
	 * escaping; the result must be exactly Jackson's either way.
	 */
	@Test
	void textWithoutJacksonIsExactlyWhatJacksonWrites() {
		tools.jackson.databind.json.JsonMapper jackson = tools.jackson.databind.json.JsonMapper.builder().build();
		for (String text : new String[] { "", "Hello", "caf\u00e9 \u4f60\u597d", "a/b <c> & 'd'", "quote \" inside",
				"back\\slash", "tab\tnewline\n", "\u0001 control", "emoji \ud83d\ude00", "lone \ud83d surrogate",
				"\u007f\u2028" }) {
			String expected = jackson.writeValueAsString(Map.of("t", text));
			assertThat(ContentCodec.textContent(text)).as(text).isEqualTo(expected);
			assertThat(ContentCodec.parse(expected)).as(text).isEqualTo(jackson.readTree(expected));
			assertThat(ContentCodec.text(ContentCodec.parse(expected), expected)).as(text).isEqualTo(text);
		}
	}

	@Test
	void onlyThePlainTextShapeSkipsTheParser() {
		assertThat(ContentCodec.plainText("{\"t\":\"Hello\"}")).isEqualTo("Hello");
		assertThat(ContentCodec.plainText("{\"t\":\"\"}")).isEmpty();
		assertThat(ContentCodec.plainText("{\"t\":\"a\",\"mk\":\"b\"}")).isNull();
		assertThat(ContentCodec.plainText("{\"t\":\"a\\\"b\"}")).isNull();
		assertThat(ContentCodec.plainText("{ \"t\":\"a\"}")).isNull();
		assertThat(ContentCodec.plainText("{\"t\":\"}")).isNull();
		assertThat(ContentCodec.parse("{\"t\":\"a\",\"mk\":[]}").get("mk").isArray()).isTrue();
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
