package ai.mezon.light.internal.socket;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import ai.mezon.light.Ids;
import ai.mezon.light.SocketOptions;
import ai.mezon.light.message.ChannelType;
import ai.mezon.light.message.MessageAck;
import ai.mezon.light.message.OutgoingMessage;
import ai.mezon.light.message.Reaction;
import ai.mezon.light.proto.realtime.Envelope;

/**
 * The socket's requests, one method each: join, leave, send, edit, delete, react, typing. Each
 * checks its arguments on the caller's thread (a bad id or content fails at once, before anything
 * is sent), builds its envelope, starts its deadline, and hands it to the {@link SocketConnection};
 * the ones that produce messages first pass the {@link SendThrottle}.
 *
 * <p>Threads: the futures returned here complete on the {@link CallbackPool}, never on the reading
 * or timer thread, so a caller's callback never holds up reading.
 */
final class SocketRequests {

	private final SocketConnection connection;

	private final JoinedChannels channels;

	private final SendThrottle throttle;

	private final TypingThrottle typingThrottle;

	private final SocketOptions options;

	private final SessionAccess session;

	private final Deadlines deadlines;

	SocketRequests(SocketConnection connection, JoinedChannels channels, SendThrottle throttle,
			TypingThrottle typingThrottle, SocketOptions options, SessionAccess session,
			Deadlines deadlines) {
		this.connection = connection;
		this.channels = channels;
		this.throttle = throttle;
		this.typingThrottle = typingThrottle;
		this.options = options;
		this.session = session;
		this.deadlines = deadlines;
	}

	CompletableFuture<Void> join(String channelId, ChannelType type) {
		long id = Ids.parse("channelId", channelId);
		return toCaller(join(id, type, false));
	}

	/**
	 * Joins and remembers the channel; internal callers (auto-join, restore) use this.
	 * @param fromStart whether a channel without a cursor is caught up from its start (new to the bot)
	 */
	CompletableFuture<Void> join(long id, ChannelType type, boolean fromStart) {
		Duration timeout = this.options.requestTimeout().plus(this.options.joinWait());
		return this.channels.join(id, type, fromStart,
				() -> request(FrameMapper.join(id, type), "Join " + describe(type) + " " + id, timeout, false));
	}

	CompletableFuture<Void> leave(String channelId, ChannelType type) {
		long id = Ids.parse("channelId", channelId);
		return toCaller(request(FrameMapper.leave(id, type), "Leave " + describe(type) + " " + id,
				this.options.requestTimeout(), false), (reply) -> {
					this.channels.left(id);
					return null;
				});
	}

	CompletableFuture<MessageAck> send(OutgoingMessage message, ChannelType type) {
		Envelope envelope = FrameMapper.send(message, type);
		return toCaller(request(envelope, "Send to " + describe(type) + " " + message.channelId(),
				this.options.requestTimeout(), true), FrameMapper::ack);
	}

	/**
	 * Edits one's own message. Like a send, it goes through the throttle and out on the one link in
	 * call order, so an edit made after a send reaches the server after it.
	 */
	CompletableFuture<MessageAck> edit(String messageId, OutgoingMessage message, ChannelType type,
			boolean hideEdited) {
		Envelope envelope = FrameMapper.update(Ids.parse("messageId", messageId), message, type, hideEdited);
		return toCaller(request(envelope, "Edit of message " + messageId + " in " + describe(type) + " "
				+ message.channelId(), this.options.requestTimeout(), true), FrameMapper::ack);
	}

	CompletableFuture<MessageAck> remove(String channelId, String messageId, ChannelType type) {
		Envelope envelope = FrameMapper.remove(Ids.parse("channelId", channelId), Ids.parse("messageId", messageId),
				type);
		return toCaller(request(envelope, "Delete of message " + messageId + " in " + describe(type) + " " + channelId,
				this.options.requestTimeout(), true), FrameMapper::ack);
	}

	CompletableFuture<Reaction> react(String channelId, ChannelType type, String messageId, String messageSenderId,
			String emoji, boolean remove) {
		if (emoji == null || emoji.isBlank()) {
			throw new IllegalArgumentException("emoji must not be blank");
		}
		FrameMapper.ReactionRequest reaction = new FrameMapper.ReactionRequest(Ids.parse("channelId", channelId), type,
				Ids.parse("messageId", messageId),
				messageSenderId.isEmpty() ? 0 : Ids.parse("messageSenderId", messageSenderId), emoji, remove);
		long self = selfId();
		String operation = (remove ? "Removing reaction to message " : "Reaction to message ") + messageId + " in "
				+ describe(type) + " " + channelId;
		return toCaller(request(FrameMapper.reaction(reaction, self), operation, this.options.requestTimeout(), true),
				(reply) -> FrameMapper.reacted(reply, reaction, self));
	}

	/**
	 * Sends a typing indicator unless one went to this channel within the typing interval; then
	 * completes at once with {@code false} and sends nothing.
	 */
	CompletableFuture<Boolean> typing(String channelId, ChannelType type) {
		long id = Ids.parse("channelId", channelId);
		@Nullable Long slot = this.typingThrottle.tryAcquire(id);
		if (slot == null) {
			return CompletableFuture.completedFuture(false);
		}
		long stamp = slot;
		CompletableFuture<Envelope> sent = request(FrameMapper.typing(id, type), "Typing in " + describe(type) + " " + id,
				this.options.requestTimeout(), false);
		sent.whenComplete((reply, ex) -> {
			if (ex != null) {
				this.typingThrottle.release(id, stamp);
			}
		});
		return toCaller(sent, (reply) -> true);
	}

	/** Starts a request's deadline and submits it, through the send throttle if it produces a message. */
	private CompletableFuture<Envelope> request(Envelope body, String operation, Duration timeout, boolean throttled) {
		// Timed out while waiting for a link, it leaves the connection's queue through the
		// deadlines' expiry listener (SocketFactory), not a callback per request.
		Request request = Request.start(body, operation, timeout, this.deadlines);
		if (throttled) {
			this.throttle.submit(request, this.connection::submit);
		}
		else {
			this.connection.submit(request);
		}
		return request.result;
	}

	private long selfId() {
		try {
			return Long.parseLong(this.session.userId());
		}
		catch (NumberFormatException ex) {
			// The server knows who we are from the connection; the field is informative.
			return 0;
		}
	}

	/**
	 * Completes the caller's future on the configured callback executor or the
	 * {@link CallbackPool}, never on the I/O or timer thread.
	 */
	<T> CompletableFuture<T> toCaller(CompletableFuture<T> internal) {
		return toCaller(internal, Function.identity());
	}

	/**
	 * As {@link #toCaller(CompletableFuture)}, mapping the reply on the callback thread: one
	 * stage less than {@code thenApply} first, and the mapping off the reading thread.
	 */
	<T, R> CompletableFuture<R> toCaller(CompletableFuture<T> internal, Function<? super T, ? extends R> map) {
		CompletableFuture<R> result = new CompletableFuture<>();
		internal.whenComplete((value, ex) -> complete(() -> {
			if (ex != null) {
				result.completeExceptionally(SocketErrors.unwrap(ex));
				return;
			}
			try {
				result.complete(map.apply(value));
			}
			catch (RuntimeException mappingFailed) {
				result.completeExceptionally(mappingFailed);
			}
		}));
		return result;
	}

	private void complete(Runnable completion) {
		Executor executor = this.options.callbackExecutor();
		if (executor != null) {
			try {
				executor.execute(completion);
				return;
			}
			catch (RejectedExecutionException ex) {
				// Shut down or full: the shared pool rather than the reading thread.
			}
		}
		CallbackPool.execute(completion);
	}

	static String describe(ChannelType type) {
		return (type == ChannelType.DM) ? "DM" : "group";
	}

}
