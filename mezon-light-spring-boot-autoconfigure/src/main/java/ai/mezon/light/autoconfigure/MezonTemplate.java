package ai.mezon.light.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ai.mezon.light.Attachment;
import ai.mezon.light.ChannelMessage;
import ai.mezon.light.ChannelType;
import ai.mezon.light.LightClient;
import ai.mezon.light.LightSocket;
import ai.mezon.light.MessageAck;
import ai.mezon.light.MessageContent;
import ai.mezon.light.MezonChannel;
import ai.mezon.light.OutgoingMessage;

/**
 * Sends messages and manages channels through the auto-configured {@link LightSocket} and
 * {@link LightClient}, in the style of Spring's {@code KafkaTemplate}.
 *
 * <p><b>Sends return futures</b> that complete with the server's {@link MessageAck}, or fail with
 * a {@code MezonTimeoutException} after {@code mezon.socket.request-timeout} or another
 * {@code MezonException}; they complete on the socket's pool, never its I/O thread, so
 * {@code .join()} is safe anywhere, listeners included. A send made while the socket reconnects
 * waits for the link within that timeout. <b>REST calls</b> ({@link #uploadFile}, {@link #createDM},
 * {@link #createGroupDM}) are blocking, like {@link LightClient}'s, bounded by
 * {@code mezon.request-timeout}.
 *
 * <p>Thread-safe.
 */
public class MezonTemplate {

	private static final Logger logger = LoggerFactory.getLogger(MezonTemplate.class);

	private final LightSocket socket;

	private final SendObserver observer;

	private final Supplier<LightSocket> sendingSocket;

	/**
	 * @param socket the socket to send through (its client serves the REST calls)
	 */
	public MezonTemplate(LightSocket socket) {
		this(socket, SendObserver.NONE);
	}

	/**
	 * @param socket the socket to send through (its client serves the REST calls)
	 * @param observer told of every send's outcome and duration, e.g. for metrics
	 */
	public MezonTemplate(LightSocket socket, SendObserver observer) {
		this(socket, observer, () -> socket);
	}

	/**
	 * A template whose sends may go through another socket than {@code socket}: with
	 * {@code mezon.instances.single-active-socket}, an instance that is not the leader sends
	 * through a send-only socket of its own.
	 * @param socket the auto-configured socket (its client serves the REST calls)
	 * @param observer told of every send's outcome and duration
	 * @param sendingSocket chooses the socket of each send
	 */
	public MezonTemplate(LightSocket socket, SendObserver observer, Supplier<LightSocket> sendingSocket) {
		this.socket = Objects.requireNonNull(socket, "socket");
		this.observer = Objects.requireNonNull(observer, "observer");
		this.sendingSocket = Objects.requireNonNull(sendingSocket, "sendingSocket");
	}

	/**
	 * Sends text to a DM channel.
	 * @param channelId the channel id (decimal)
	 * @param text the text
	 * @return the server's acknowledgement
	 */
	public CompletableFuture<MessageAck> sendDM(String channelId, String text) {
		return sendDM(OutgoingMessage.text(channelId, text));
	}

	/**
	 * Sends a message to a DM channel.
	 * @param message the message
	 * @return the server's acknowledgement
	 */
	public CompletableFuture<MessageAck> sendDM(OutgoingMessage message) {
		return send(message, ChannelType.DM);
	}

	/**
	 * Sends text to a group DM channel.
	 * @param channelId the channel id (decimal)
	 * @param text the text
	 * @return the server's acknowledgement
	 */
	public CompletableFuture<MessageAck> sendGroup(String channelId, String text) {
		return sendGroup(OutgoingMessage.text(channelId, text));
	}

	/**
	 * Sends a message to a group DM channel.
	 * @param message the message
	 * @return the server's acknowledgement
	 */
	public CompletableFuture<MessageAck> sendGroup(OutgoingMessage message) {
		return send(message, ChannelType.GROUP);
	}

	/**
	 * Answers a received message with text, in its channel and mode (DM or group).
	 * @param replyTo the message answered
	 * @param text the text
	 * @return the server's acknowledgement
	 */
	public CompletableFuture<MessageAck> send(ChannelMessage replyTo, String text) {
		return send(replyTo, OutgoingMessage.text(replyTo.channelId(), text));
	}

	/**
	 * Answers a received message with any content, in its channel and mode.
	 * @param replyTo the message answered
	 * @param content the content
	 * @param attachments files already uploaded
	 * @return the server's acknowledgement
	 */
	public CompletableFuture<MessageAck> send(ChannelMessage replyTo, MessageContent content,
			List<Attachment> attachments) {
		return send(replyTo, OutgoingMessage.of(replyTo.channelId(), content).withAttachments(attachments));
	}

	/**
	 * Sends a prepared message in the mode of a received one (a DM answer to a DM, a group one to
	 * a group).
	 * @param replyTo the message answered
	 * @param message the answer; its channel must be {@code replyTo}'s
	 * @return the server's acknowledgement, or a future failed with
	 * {@link IllegalArgumentException} when the channels differ or {@link IllegalStateException}
	 * when {@code replyTo} came in a stream mode this client does not speak
	 */
	public CompletableFuture<MessageAck> send(ChannelMessage replyTo, OutgoingMessage message) {
		if (!replyTo.channelId().equals(message.channelId())) {
			return CompletableFuture.failedFuture(new IllegalArgumentException("A reply goes to channel "
					+ replyTo.channelId() + ", not " + message.channelId()));
		}
		ChannelType type = replyTo.channelType();
		if (type == null) {
			return CompletableFuture.failedFuture(new IllegalStateException(
					"Cannot answer a message of stream mode " + replyTo.mode() + " (only DM and group DM)"));
		}
		return send(message, type);
	}

	/**
	 * Uploads a file (blocking) to attach to a message.
	 * @param file the file
	 * @return the attachment, with its public URL
	 * @see LightClient#uploadFile(Path)
	 */
	public Attachment uploadFile(Path file) {
		return getClient().uploadFile(file);
	}

	/**
	 * Uploads bytes as a file (blocking) to attach to a message.
	 * @param bytes the content
	 * @param filename the file name
	 * @param contentType the media type, or {@code null} to guess it from the name
	 * @return the attachment, with its public URL
	 * @see LightClient#uploadFile(byte[], String, String)
	 */
	public Attachment uploadFile(byte[] bytes, String filename, @Nullable String contentType) {
		return getClient().uploadFile(bytes, filename, contentType);
	}

	/**
	 * Creates (or finds) the DM with a user (blocking). Join it with
	 * {@code getSocket().joinDMChannel(...)} to receive its messages, unless the server announces
	 * it and {@code mezon.socket.auto-join-added-channels} is on.
	 * @param peerId the user's id (decimal)
	 * @return the channel
	 */
	public MezonChannel createDM(String peerId) {
		return getClient().createDM(peerId);
	}

	/**
	 * Creates a group DM (blocking).
	 * @param userIds the members to add
	 * @return the channel
	 */
	public MezonChannel createGroupDM(Collection<String> userIds) {
		return getClient().createGroupDM(userIds);
	}

	/** @return the socket sends go through */
	public LightSocket getSocket() {
		return this.socket;
	}

	/** @return the client REST calls go through */
	public LightClient getClient() {
		return this.socket.getClient();
	}

	private CompletableFuture<MessageAck> send(OutgoingMessage message, ChannelType type) {
		long start = System.nanoTime();
		LightSocket target = this.sendingSocket.get();
		CompletableFuture<MessageAck> result = (type == ChannelType.DM) ? target.sendDM(message)
				: target.sendGroup(message);
		return result.whenComplete((ack, ex) -> {
			try {
				this.observer.sent(type, Duration.ofNanos(System.nanoTime() - start), ex);
			}
			catch (RuntimeException observerFailure) {
				// Instrumentation must never turn a delivered message into a failed send.
				logger.debug("Send observer threw", observerFailure);
			}
		});
	}

	/**
	 * Told of every send made through a {@link MezonTemplate}; the auto-configured Micrometer
	 * meters use it. Called on the thread completing the send: keep it short, never throw.
	 */
	@FunctionalInterface
	public interface SendObserver {

		/** An observer that does nothing. */
		SendObserver NONE = (type, duration, failure) -> {
		};

		/**
		 * @param type DM or group
		 * @param duration from the call to the acknowledgement or failure
		 * @param failure why it failed, or {@code null} when acknowledged
		 */
		void sent(ChannelType type, Duration duration, @Nullable Throwable failure);

	}

}
