package ai.mezon.light.sample.web;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import ai.mezon.light.message.Attachment;

import static org.assertj.core.api.Assertions.assertThat;

class ConversationLineTests {

	@ParameterizedTest
	@ValueSource(strings = { "https://cdn.example/a.png", "http://127.0.0.1:8080/uploads/1/a.png",
			"HTTPS://CDN.EXAMPLE/A.PNG", "https://cdn.example/a%20b.png?x=1#f" })
	void httpAndHttpsUrlsArePassedOn(String url) {
		ConversationLine.File file = ConversationLine.File.of(Attachment.of(url, "a.png", "image/png", 1));
		assertThat(file.url()).isEqualTo(url);
		assertThat(file.blockedUrl()).isNull();
		assertThat(file.image()).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "javascript:alert(1)", "JavaScript:alert(1)", " javascript:alert(1)",
			"data:text/html,<script>alert(1)</script>", "vbscript:msgbox", "file:///etc/passwd", "//evil.example/a.png",
			"/relative/a.png", "http:/no-host", "https://", "", "ftp://files.example/a.png", "blob:https://x/1" })
	void anyOtherUrlIsWithheld(String url) {
		ConversationLine.File file = ConversationLine.File.of(Attachment.of(url, "a.png", "image/png", 1));
		assertThat(file.url()).isNull();
		assertThat(file.blockedUrl()).isEqualTo(url);
		assertThat(file.image()).isFalse();
	}

}
