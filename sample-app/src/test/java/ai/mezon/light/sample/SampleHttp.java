package ai.mezon.light.sample;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import ai.mezon.light.sample.web.ConversationController.Info;
import ai.mezon.light.sample.web.ConversationController.Sent;
import ai.mezon.light.sample.web.ConversationController.VisitorMessage;
import ai.mezon.light.sample.web.ConversationLine;

import static org.awaitility.Awaitility.await;

/**
 * The sample's HTTP API as its page uses it, for tests.
 */
final class SampleHttp {

	static final Duration WAIT = Duration.ofSeconds(15);

	private final RestClient http;

	SampleHttp(int port) {
		// No status handler throwing: tests assert on statuses themselves.
		this.http = RestClient.builder()
			.baseUrl("http://localhost:" + port)
			.defaultStatusHandler((status) -> true, (request, response) -> {
			})
			.build();
	}

	RestClient client() {
		return this.http;
	}

	Info info() {
		return this.http.get().uri("/api/info").retrieve().body(Info.class);
	}

	List<ConversationLine> lines() {
		return Arrays.asList(this.http.get().uri("/api/conversation").retrieve().body(ConversationLine[].class));
	}

	ResponseEntity<String> postAsVisitor(String text) {
		return this.http.post()
			.uri("/api/visitor/messages")
			.contentType(MediaType.APPLICATION_JSON)
			.body(new VisitorMessage(text))
			.retrieve()
			.toEntity(String.class);
	}

	Sent sendAsVisitor(String text) {
		return this.http.post()
			.uri("/api/visitor/messages")
			.contentType(MediaType.APPLICATION_JSON)
			.body(new VisitorMessage(text))
			.retrieve()
			.body(Sent.class);
	}

	ConversationLine awaitLine(Predicate<ConversationLine> condition) {
		return await().atMost(WAIT)
			.until(() -> lines().stream().filter(condition).findFirst(), Optional::isPresent)
			.orElseThrow();
	}

	/** @return the bot's answer to a message */
	ConversationLine awaitReplyTo(Sent sent) {
		return awaitLine((line) -> line.fromBot() && sent.messageId().equals(line.replyTo()));
	}

	<T> T get(String path, ParameterizedTypeReference<T> type) {
		return this.http.get().uri(path).retrieve().body(type);
	}

}
