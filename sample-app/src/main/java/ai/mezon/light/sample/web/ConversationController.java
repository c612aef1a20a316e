package ai.mezon.light.sample.web;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import ai.mezon.light.LightClient;
import ai.mezon.light.message.MessageAck;

/**
 * The conversation page's API: what mode the application runs in, the kept lines, the live
 * stream of new ones, and (demo mode) writing as the visitor.
 */
@RestController
@RequestMapping("/api")
public class ConversationController {

	/** Longer than any message a person types; keeps a page from posting megabytes. */
	static final int MAX_TEXT_LENGTH = 2000;

	/** Bounds the wait for the server's ack (the socket's own request timeout fails it first). */
	private static final Duration SEND_TIMEOUT = Duration.ofSeconds(15);

	private final Conversation conversation;

	private final LightClient client;

	private final ObjectProvider<VisitorChannel> visitor;

	/**
	 * @param conversation the conversation
	 * @param client the bot's client (for its user id)
	 * @param visitor the simulated user, present in demo mode only
	 */
	public ConversationController(Conversation conversation, LightClient client,
			ObjectProvider<VisitorChannel> visitor) {
		this.conversation = conversation;
		this.client = client;
		this.visitor = visitor;
	}

	/**
	 * @return whether the page may send as the visitor (demo mode), and who is who
	 */
	@GetMapping("/info")
	public Info info() {
		VisitorChannel visitor = this.visitor.getIfAvailable();
		return new Info(visitor != null, this.client.userId(), (visitor != null) ? visitor.name() : null,
				visitor != null && visitor.isReady());
	}

	/** @return the kept lines, oldest first */
	@GetMapping("/conversation")
	public List<ConversationLine> lines() {
		return this.conversation.lines();
	}

	/**
	 * @param lastEventId the last line the browser saw, sent by {@code EventSource} when it
	 * reconnects
	 * @return the stream of lines ({@code text/event-stream})
	 */
	@GetMapping(path = "/conversation/stream", produces = "text/event-stream")
	public SseEmitter stream(@RequestHeader(name = "Last-Event-ID", required = false) @Nullable Long lastEventId) {
		return this.conversation.subscribe(lastEventId);
	}

	/**
	 * Sends a text to the bot as the visitor (demo mode only).
	 * @param message the text
	 * @return the sent message's ids: 202 once the server acknowledged it; the bot's answer
	 * follows on the stream
	 */
	@PostMapping("/visitor/messages")
	public ResponseEntity<?> sendAsVisitor(@RequestBody VisitorMessage message) {
		VisitorChannel visitor = this.visitor.getIfAvailable();
		if (visitor == null) {
			return problem(HttpStatus.NOT_FOUND, "Demo mode is off: the page shows the bot's traffic only");
		}
		String text = (message.text() != null) ? message.text() : "";
		if (text.isBlank() || text.length() > MAX_TEXT_LENGTH) {
			return problem(HttpStatus.BAD_REQUEST, "Write between 1 and " + MAX_TEXT_LENGTH + " characters");
		}
		try {
			MessageAck ack = visitor.send(text).get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
			return ResponseEntity.accepted().body(new Sent(ack.channelId(), ack.messageId()));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return problem(HttpStatus.SERVICE_UNAVAILABLE, "Interrupted");
		}
		catch (ExecutionException | TimeoutException ex) {
			Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
			return problem(HttpStatus.SERVICE_UNAVAILABLE, "Could not send: " + cause.getMessage());
		}
	}

	private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
		return ResponseEntity.status(status).body(ProblemDetail.forStatusAndDetail(status, detail));
	}

	/**
	 * A message typed on the page.
	 *
	 * @param text the text
	 */
	public record VisitorMessage(@Nullable String text) {
	}

	/**
	 * A message the server acknowledged.
	 *
	 * @param channelId its channel
	 * @param messageId its id
	 */
	public record Sent(String channelId, String messageId) {
	}

	/**
	 * What the page needs to know about the application.
	 *
	 * @param demo whether demo mode runs: the page shows the form to write as the visitor
	 * @param botUserId the bot's user id
	 * @param visitor the visitor's name in demo mode, else {@code null}
	 * @param visitorReady whether the visitor is connected and can send
	 */
	public record Info(boolean demo, String botUserId, @Nullable String visitor, boolean visitorReady) {
	}

}
