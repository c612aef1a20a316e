package ai.mezon.light.sample.web;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import ai.mezon.light.message.Attachment;
import ai.mezon.light.message.ChannelMessage;
import ai.mezon.light.message.MessageAck;

/**
 * The conversation as the bot sees it: the messages it receives and the answers it sends. Keeps
 * the last {@value #CAPACITY} lines for pages opened later and pushes new ones to every open
 * page as server-sent events.
 *
 * <p>Thread-safe: lines come from the socket's dispatch threads (one per channel at a time) and
 * pages subscribe from request threads. One lock orders adding, broadcasting and subscribing, so
 * a page gets every line once and in order.
 */
@Component
public class Conversation {

	/** How many lines are kept. */
	public static final int CAPACITY = 200;

	/**
	 * How long one event stream stays open; the browser's {@code EventSource} then reconnects by
	 * itself, sending the last id it saw.
	 */
	private static final Duration STREAM_TIMEOUT = Duration.ofMinutes(30);

	private static final Logger logger = LoggerFactory.getLogger(Conversation.class);

	private final Object monitor = new Object();

	private final Deque<ConversationLine> lines = new ArrayDeque<>();

	/** Copy-on-write: emitter callbacks may remove while a broadcast iterates. */
	private final List<SseEmitter> emitters = new CopyOnWriteArrayList<>();

	private long lastId;

	/**
	 * Records a message the bot received.
	 * @param message the message
	 * @return the line added
	 */
	public ConversationLine received(ChannelMessage message) {
		String sender = message.displayName().isBlank() ? message.username() : message.displayName();
		return add((id) -> new ConversationLine(id, message.channelId(), message.messageId(), null, sender, false,
				message.text(), message.createTime().toString(), files(message.attachments())));
	}

	/**
	 * Records a message the bot sent, once the server acknowledged it.
	 * @param ack the server's acknowledgement
	 * @param replyTo the id of the message answered, or {@code null}
	 * @param text the text sent
	 * @param attachments the files sent
	 * @return the line added
	 */
	public ConversationLine sent(MessageAck ack, @Nullable String replyTo, String text, List<Attachment> attachments) {
		String sender = ack.username().isBlank() ? "bot" : ack.username();
		Instant time = ack.createTime().equals(Instant.EPOCH) ? Instant.now() : ack.createTime();
		return add((id) -> new ConversationLine(id, ack.channelId(), ack.messageId(), replyTo, sender, true, text,
				time.toString(), files(attachments)));
	}

	/** @return the lines kept, oldest first */
	public List<ConversationLine> lines() {
		synchronized (this.monitor) {
			return List.copyOf(this.lines);
		}
	}

	/**
	 * Opens an event stream: the kept lines after {@code lastEventId}, then every new line, each
	 * as an event named {@code line} with the line's id.
	 * @param lastEventId the last line id the browser saw (header {@code Last-Event-ID}), or
	 * {@code null} for all kept lines
	 * @return the emitter to return from the controller
	 */
	public SseEmitter subscribe(@Nullable Long lastEventId) {
		SseEmitter emitter = new SseEmitter(STREAM_TIMEOUT.toMillis());
		emitter.onCompletion(() -> remove(emitter));
		emitter.onTimeout(() -> remove(emitter));
		emitter.onError((ex) -> remove(emitter));
		synchronized (this.monitor) {
			long after = (lastEventId != null) ? lastEventId : 0;
			for (ConversationLine line : this.lines) {
				if (line.id() > after && !send(emitter, line)) {
					return emitter;
				}
			}
			this.emitters.add(emitter);
		}
		return emitter;
	}

	/**
	 * Ends every open stream when the application stops: Tomcat's graceful shutdown would
	 * otherwise wait for these never-ending requests.
	 */
	@EventListener(ContextClosedEvent.class)
	public void closeStreams() {
		List<SseEmitter> open;
		synchronized (this.monitor) {
			open = List.copyOf(this.emitters);
			this.emitters.clear();
		}
		open.forEach(SseEmitter::complete);
	}

	private ConversationLine add(LineFactory factory) {
		synchronized (this.monitor) {
			ConversationLine line = factory.create(++this.lastId);
			this.lines.addLast(line);
			if (this.lines.size() > CAPACITY) {
				this.lines.removeFirst();
			}
			// Sent under the lock to keep every page in the same order; SSE writes go to
			// Tomcat's buffers, and a page that cannot take them is dropped.
			this.emitters.removeIf((emitter) -> !send(emitter, line));
			return line;
		}
	}

	private boolean send(SseEmitter emitter, ConversationLine line) {
		try {
			emitter.send(SseEmitter.event()
				.id(Long.toString(line.id()))
				.name("line")
				.data(line, MediaType.APPLICATION_JSON));
			return true;
		}
		catch (IOException | IllegalStateException ex) {
			// The page went away (or the stream already ended); the container ends the request.
			logger.debug("Dropping a conversation stream: {}", ex.toString());
			return false;
		}
	}

	private void remove(SseEmitter emitter) {
		synchronized (this.monitor) {
			this.emitters.remove(emitter);
		}
	}

	private static List<ConversationLine.File> files(List<Attachment> attachments) {
		return attachments.stream().map(ConversationLine.File::of).toList();
	}

	@FunctionalInterface
	private interface LineFactory {

		ConversationLine create(long id);

	}

}
