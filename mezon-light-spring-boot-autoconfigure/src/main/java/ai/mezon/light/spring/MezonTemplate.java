package ai.mezon.light.spring;

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

import ai.mezon.light.LightClient;
import ai.mezon.light.LightSocket;
import ai.mezon.light.MezonException;
import ai.mezon.light.MezonServerErrorException;
import ai.mezon.light.MezonTimeoutException;
import ai.mezon.light.message.Attachment;
import ai.mezon.light.message.ChannelMessage;
import ai.mezon.light.message.ChannelType;
import ai.mezon.light.message.MessageAck;
import ai.mezon.light.message.MessageContent;
import ai.mezon.light.message.MezonChannel;
import ai.mezon.light.message.OutgoingMessage;
import ai.mezon.light.message.Reaction;

/**
 * Sends messages and manages channels through the auto-configured {@link LightSocket} and
 * {@link LightClient}, in the style of Spring's {@code KafkaTemplate}.
 *
 * <p><b>Sends return futures</b> that complete with the server's {@link MessageAck}, or fail with
 * a {@code MezonTimeoutException} after {@code mezon.socket.request-timeout} or another
 * {@code MezonException}; they complete on the SDK's callback pool, never its I/O thread, so
 * {@code .join()} is safe anywhere, listeners included. A send made while the socket reconnects
 * waits for the link within that timeout. Edits, deletions and reactions behave the same and are
 * observed like sends, with their own {@link Operation}. <b>REST calls</b> ({@link #uploadFile}, {@link #createDM},
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
	 * @throws ai.mezon.light.MezonContentTooLongException at once, before anything is sent, if
	 * {@code {"t": text}} is over {@link ai.mezon.light.message.MessageContent#MAX_LENGTH} UTF-16 units
	 * (as every send: see {@link LightSocket#sendDM(OutgoingMessage)})
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
	 * Edits a message the bot sent: its content, mentions and attachments become those of
	 * {@code message}. Only the author may edit; the server refuses others
	 * ({@code MezonServerErrorException}).
	 * @param messageId the id of the message to edit (e.g. {@link MessageAck#messageId()})
	 * @param message the new version, on the message's channel
	 * @param type the channel's kind
	 * @return the server's acknowledgement
	 * @see LightSocket#editMessage(String, OutgoingMessage, ChannelType)
	 */
	public CompletableFuture<MessageAck> edit(String messageId, OutgoingMessage message, ChannelType type) {
		return edit(messageId, message, type, false);
	}

	/**
	 * Edits a message the bot sent, optionally asking clients not to mark it as edited.
	 * @param messageId the id of the message to edit
	 * @param message the new version, on the message's channel
	 * @param type the channel's kind
	 * @param hideEdited whether clients should not show it as edited
	 * @return the server's acknowledgement
	 * @see LightSocket#editMessage(String, OutgoingMessage, ChannelType, boolean)
	 */
	public CompletableFuture<MessageAck> edit(String messageId, OutgoingMessage message, ChannelType type,
			boolean hideEdited) {
		return observe(Operation.EDIT, type, () -> this.sendingSocket.get().editMessage(messageId, message, type, hideEdited));
	}

	/**
	 * Deletes a message the bot sent. Only the author may delete.
	 * @param channelId the channel id (decimal)
	 * @param messageId the id of the message to delete
	 * @param type the channel's kind
	 * @return the server's acknowledgement
	 * @see LightSocket#deleteMessage(String, String, ChannelType)
	 */
	public CompletableFuture<MessageAck> delete(String channelId, String messageId, ChannelType type) {
		return observe(Operation.DELETE, type, () -> this.sendingSocket.get().deleteMessage(channelId, messageId, type));
	}

	/**
	 * Reacts to a received message with an emoji.
	 * @param message the message
	 * @param emoji the emoji, e.g. {@code "👍"}
	 * @return the reaction as the server echoed it, or a future failed with
	 * {@link IllegalStateException} when the message came in a stream mode this client does not
	 * speak
	 */
	public CompletableFuture<Reaction> react(ChannelMessage message, String emoji) {
		ChannelType type = message.channelType();
		if (type == null) {
			return unsupportedMode(message);
		}
		return react(message.channelId(), message.messageId(), message.senderId(), emoji, type);
	}

	/**
	 * Reacts to a message with an emoji.
	 * @param channelId the channel id (decimal)
	 * @param messageId the message id
	 * @param messageSenderId the message's author, or {@code ""}
	 * @param emoji the emoji
	 * @param type the channel's kind
	 * @return the reaction as the server echoed it (with its count)
	 */
	public CompletableFuture<Reaction> react(String channelId, String messageId, String messageSenderId, String emoji,
			ChannelType type) {
		return observe(Operation.REACT, type,
				() -> this.sendingSocket.get().react(channelId, messageId, messageSenderId, emoji, type));
	}

	/**
	 * Removes the bot's reaction with an emoji from a received message.
	 * @param message the message
	 * @param emoji the emoji
	 * @return the removal as the server echoed it, or a future failed with
	 * {@link IllegalStateException} when the message came in a stream mode this client does not
	 * speak
	 */
	public CompletableFuture<Reaction> unreact(ChannelMessage message, String emoji) {
		ChannelType type = message.channelType();
		if (type == null) {
			return unsupportedMode(message);
		}
		return unreact(message.channelId(), message.messageId(), message.senderId(), emoji, type);
	}

	/**
	 * Removes the bot's reaction with an emoji from a message.
	 * @param channelId the channel id (decimal)
	 * @param messageId the message id
	 * @param messageSenderId the message's author, or {@code ""}
	 * @param emoji the emoji
	 * @param type the channel's kind
	 * @return the removal as the server echoed it (with the new count)
	 */
	public CompletableFuture<Reaction> unreact(String channelId, String messageId, String messageSenderId,
			String emoji, ChannelType type) {
		return observe(Operation.UNREACT, type,
				() -> this.sendingSocket.get().unreact(channelId, messageId, messageSenderId, emoji, type));
	}

	/**
	 * Tells the others on a channel that the bot is typing, at most once per
	 * {@code mezon.socket.typing-interval} per channel, so it can be called at every step of a
	 * long answer. Not observed: most calls send nothing.
	 * @param channelId the channel id (decimal)
	 * @param type the channel's kind
	 * @return {@code true} once the server accepted an indicator, {@code false} when rate-limited
	 * @see LightSocket#sendTyping(String, ChannelType)
	 */
	public CompletableFuture<Boolean> sendTyping(String channelId, ChannelType type) {
		return this.sendingSocket.get().sendTyping(channelId, type);
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

	/**
	 * Sends a message to a channel of a known kind: {@link #sendDM(OutgoingMessage)} or
	 * {@link #sendGroup(OutgoingMessage)} by {@code type}. Answering helpers of the events
	 * ({@link MezonChannelEvent#reply(String)}) use it with the event's channel type.
	 * @param message the message
	 * @param type the channel's kind
	 * @return the server's acknowledgement
	 */
	public CompletableFuture<MessageAck> send(OutgoingMessage message, ChannelType type) {
		return observe(Operation.SEND, type,
				() -> {
					// On a follower instance (single active socket) this is the send-only socket.
					LightSocket target = this.sendingSocket.get();
					return (type == ChannelType.DM) ? target.sendDM(message) : target.sendGroup(message);
				});
	}

	private <T> CompletableFuture<T> observe(Operation operation, ChannelType type,
			Supplier<CompletableFuture<T>> call) {
		long start = System.nanoTime();
		return call.get().whenComplete((result, ex) -> {
			try {
				this.observer.completed(operation, type, Duration.ofNanos(System.nanoTime() - start), ex);
			}
			catch (RuntimeException observerFailure) {
				// Instrumentation must never turn a delivered message into a failed send.
				logger.debug("Send observer threw", observerFailure);
			}
		});
	}

	private static <T> CompletableFuture<T> unsupportedMode(ChannelMessage message) {
		return CompletableFuture.failedFuture(new IllegalStateException(
				"Cannot react to a message of stream mode " + message.mode() + " (only DM and group DM)"));
	}

	/**
	 * What a {@link SendObserver} is told about: a message sent, edited or deleted, or a reaction
	 * added or removed.
	 */
	public enum Operation {

		/** A new message ({@code sendDM}, {@code sendGroup}, {@code send}, {@code event.reply}). */
		SEND,

		/** An edit of a message ({@link MezonTemplate#edit}). */
		EDIT,

		/** A deletion of a message ({@link MezonTemplate#delete}). */
		DELETE,

		/** A reaction added ({@link MezonTemplate#react}). */
		REACT,

		/** A reaction removed ({@link MezonTemplate#unreact}). */
		UNREACT

	}

	/**
	 * Told of every send made through a {@link MezonTemplate} and, through
	 * {@link #completed}, of its edits, deletions and reactions; the auto-configured Micrometer
	 * meters use it. Called on the thread completing the operation: keep it short, never throw.
	 */
	@FunctionalInterface
	public interface SendObserver {

		/** An observer that does nothing. */
		SendObserver NONE = (type, duration, failure) -> {
		};

		/**
		 * A new message was acknowledged or failed.
		 * @param type DM or group
		 * @param duration from the call to the acknowledgement or failure
		 * @param failure why it failed, or {@code null} when acknowledged
		 */
		void sent(ChannelType type, Duration duration, @Nullable Throwable failure);

		/**
		 * Any operation completed. By default hands sends to {@link #sent} and ignores the rest,
		 * so an observer written for sends only keeps counting sends only.
		 * @param operation what was done
		 * @param type DM or group
		 * @param duration from the call to the server's answer or failure
		 * @param failure why it failed, or {@code null} when the server answered
		 */
		default void completed(Operation operation, ChannelType type, Duration duration,
				@Nullable Throwable failure) {
			if (operation == Operation.SEND) {
				sent(type, duration, failure);
			}
		}

		/**
		 * @param observers observers to tell in turn
		 * @return one observer telling them all, each operation included
		 */
		static SendObserver of(List<SendObserver> observers) {
			List<SendObserver> all = List.copyOf(observers);
			return new SendObserver() {

				@Override
				public void sent(ChannelType type, Duration duration, @Nullable Throwable failure) {
					completed(Operation.SEND, type, duration, failure);
				}

				@Override
				public void completed(Operation operation, ChannelType type, Duration duration,
						@Nullable Throwable failure) {
					all.forEach((each) -> each.completed(operation, type, duration, failure));
				}

			};
		}

	}

}
