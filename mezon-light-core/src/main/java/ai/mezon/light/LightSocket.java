package ai.mezon.light;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

import ai.mezon.light.internal.net.Endpoints;
import ai.mezon.light.internal.socket.ChannelMembership;
import ai.mezon.light.internal.socket.ChannelMemory;
import ai.mezon.light.internal.socket.SessionAccess;
import ai.mezon.light.internal.socket.SocketEngine;
import ai.mezon.light.internal.socket.SocketFactory;
import ai.mezon.light.message.ChannelMessage;
import ai.mezon.light.message.ChannelType;
import ai.mezon.light.message.HistoryDirection;
import ai.mezon.light.message.MessageAck;
import ai.mezon.light.message.MessageContent;
import ai.mezon.light.message.MessageDeletion;
import ai.mezon.light.message.MessageEdit;
import ai.mezon.light.message.MessageText;
import ai.mezon.light.message.OutgoingMessage;
import ai.mezon.light.message.Reaction;
import ai.mezon.light.message.TypingIndicator;
import ai.mezon.light.proto.api.ListChannelMessagesRequest;
import ai.mezon.light.session.DeliveryCursorStore;
import ai.mezon.light.session.JoinedChannelStore;
import ai.mezon.light.session.Session;

/**
 * The real-time side of the Mezon light protocol: the Java counterpart of the TypeScript SDK's
 * {@code LightSocket} (binary protobuf frames over a WebSocket, PROTOCOL.md §4), plus what a
 * server-side client needs: every request bounded by a timeout, a heartbeat, and a connection
 * that heals itself.
 *
 * <pre>{@code
 * LightSocket socket = client.createSocket();
 * socket.onChannelMessage((message) -> System.out.println(message.text()));
 * socket.connect().join();
 * socket.joinDMChannel(channelId).join();
 * MessageAck ack = socket.sendDM(OutgoingMessage.text(channelId, "Hello")).join();
 * }</pre>
 *
 * <h2>Requests</h2>
 * Joins, leaves, sends, edits, deletions, reactions and typing indicators return
 * {@link CompletableFuture}s ({@code .join()} to block). Each
 * carries a {@code cid} (1, 2, 3... per connection) and fails with {@link MezonTimeoutException}
 * after {@link SocketOptions#requestTimeout()} (joins may also wait {@link SocketOptions#joinWait()}
 * for the link), with {@link MezonServerErrorException} when the server answers {@code error}, and
 * with {@link MezonSocketException} when the connection is lost before the answer or
 * {@link #disconnect()} is called. A send returns the server's {@link MessageAck}: a message is
 * either acknowledged or its caller is told it failed. Requests are written in call order on one
 * link, so an edit or deletion made after a send reaches the server after that send.
 *
 * <h2>Rich messaging</h2>
 * Replies and mentions travel with a message ({@link OutgoingMessage#replyTo(ChannelMessage)},
 * {@link MessageText}); {@link #editMessage}, {@link #deleteMessage}, {@link #react},
 * {@link #unreact} and {@link #sendTyping} act on messages and channels. What the server answers:
 * <ul>
 * <li>edit ({@code channel_message_update}) and delete ({@code channel_message_remove}): a
 * {@code channel_message_ack} with code 1 or 2;</li>
 * <li>reaction ({@code message_reaction_event}): the reaction echoed with its id, sender and
 * count (a reply with only the {@code cid} is accepted too);</li>
 * <li>typing ({@code message_typing_event}): the event echoed (or a bare {@code cid});</li>
 * <li>refused (not the author, not a member, unknown message): an {@code error}.</li>
 * </ul>
 * Others' edits and deletions arrive as {@code channel_message} with code 1 or 2 (or as
 * {@code channel_message_update} / {@code channel_message_remove}) and go to
 * {@link SocketListener#onMessageEdited} and {@link SocketListener#onMessageDeleted} only, never to
 * the new-message handlers; reactions and typing go to {@link SocketListener#onReaction} and
 * {@link SocketListener#onTyping}. All are delivered on the channel's lane, in server order.
 *
 * <h2>Healing</h2>
 * A {@code ping} goes out every {@link SocketOptions#heartbeatInterval()}; a server silent for
 * about twice that is treated as gone. After any loss not asked for, the socket reconnects with
 * exponential backoff and full jitter, refreshing the session first when the token has expired,
 * rejoins every joined channel, then reports {@link ConnectionState#CONNECTED}. Requests made
 * meanwhile wait for the link (within their timeout). {@link #disconnect()} stops all of it.
 *
 * <h2>Threads</h2>
 * <ul>
 * <li>Frames are read and decoded on the WebSocket container's I/O thread, which only completes
 * internal futures and queues events.</li>
 * <li>Handlers and {@link SocketListener}s run on the dispatch executor
 * ({@link SocketOptions#dispatchExecutor()}, by default this socket's daemon pool): one at a
 * time per channel, in arrival order; channels run concurrently. A throwing handler is reported
 * to the error handler and {@link SocketListener#onError}; others still run.</li>
 * <li>The futures returned here complete on the SDK's callback pool ({@code mezon-callback-N},
 * a small {@code ForkJoinPool} shared by all sockets), so blocking in a callback, or calling
 * {@code .join()} inside a handler, stalls neither reading nor the heartbeat. {@code .join()} or
 * {@code .get()} inside a callback is fine (the pool adds a thread meanwhile); other slow or
 * blocking work in a callback belongs on your own executor ({@code thenAcceptAsync(fn, executor)}),
 * as it holds one of the pool's few threads, or set {@link SocketOptions#callbackExecutor()}
 * (e.g. virtual threads) for all of this socket's futures.</li>
 * <li>Deadlines and heartbeats fire on one shared timer thread; reconnects (and the blocking
 * session refresh before them) run on the pool.</li>
 * </ul>
 *
 * <h2>Backpressure</h2>
 * Incoming events wait in a queue of {@link SocketOptions#queueCapacity()}. When handlers fall
 * that far behind, the socket stops reading from the network (TCP then pushes back on the
 * server) and resumes at half capacity: memory stays bounded and nothing is dropped. The
 * heartbeat does not count that pause as silence. Replies wait behind a pause too, so a request
 * made while handlers are far behind can time out although the server answered (for a send,
 * the message may then have been delivered). Pausing needs Tomcat's JSR-356 client (the
 * default); with another implementation reading cannot be paused and the queue may grow.
 *
 * <h2>Catch-up</h2>
 * With {@link SocketOptions.Builder#catchUp(CatchUpOptions)}, nothing sent while the socket was
 * away is missed and nothing is delivered twice: after every join and every reconnect, the
 * messages after the channel's last delivered one (kept in a {@link DeliveryCursorStore}, so it
 * survives restarts) are read from the history and delivered first, in order, before any message
 * pushed on the new connection; duplicates are dropped by id. See {@link CatchUpOptions}. Only new
 * messages are caught up: edits, deletions and reactions made while away are not replayed.
 * {@link #disconnect()} stops deliveries still queued (they are read again at the next join), so
 * another instance taking over from the same cursors delivers each message once.
 *
 * <p>The socket URL carries the access token: it is never logged unmasked and never appears in
 * an exception. Thread-safe.
 */
public final class LightSocket implements AutoCloseable {

	private final LightClient client;

	private final SocketEngine engine;

	/**
	 * Creates a socket for a client; nothing is connected until {@link #connect(ConnectOptions)}.
	 * @param client the client whose session authenticates the socket
	 * @param options the socket options
	 */
	public LightSocket(LightClient client, SocketOptions options) {
		this.client = Objects.requireNonNull(client, "client");
		Objects.requireNonNull(options, "options");
		this.engine = SocketFactory.create(new ClientSessionAccess(client), options, channelMemory(client, options));
	}

	/**
	 * Creates a socket with default options.
	 * @param client the client whose session authenticates the socket
	 */
	public LightSocket(LightClient client) {
		this(client, SocketOptions.defaults());
	}

	/**
	 * Connects with no handlers.
	 * @return completes once connected
	 * @see #connect(ConnectOptions)
	 */
	public CompletableFuture<Void> connect() {
		return connect(ConnectOptions.defaults());
	}

	/**
	 * Connects to the server. The returned future fails with {@link MezonSocketException} when the
	 * socket is already connected (or connecting), or the handshake is refused, and with
	 * {@link MezonTimeoutException} after {@link SocketOptions#connectTimeout()}. A failed first
	 * connect is not retried unless {@link ConnectOptions#retryFirstConnect()} is set; later losses
	 * are (see the class comment).
	 * @param options error and disconnect handlers, verbose logging
	 * @return completes once connected
	 */
	public CompletableFuture<Void> connect(ConnectOptions options) {
		return this.engine.connect(Objects.requireNonNull(options, "options"));
	}

	/**
	 * Closes the connection and stops reconnecting. Every pending request fails at once with
	 * {@link MezonSocketException}; joined channels are forgotten. The socket can connect again.
	 */
	public void disconnect() {
		this.engine.disconnect();
	}

	/** Same as {@link #disconnect()}. */
	@Override
	public void close() {
		disconnect();
	}

	/** @return whether the link is up (and, after a reconnect, channels are rejoined) */
	public boolean isConnected() {
		return this.engine.state() == ConnectionState.CONNECTED;
	}

	/** @return the connection state */
	public ConnectionState getState() {
		return this.engine.state();
	}

	/**
	 * Registers a handler for incoming channel messages; many may be registered.
	 * @param handler the handler
	 * @return a handle whose {@code close()} removes it
	 */
	public Subscription onChannelMessage(Consumer<ChannelMessage> handler) {
		Objects.requireNonNull(handler, "handler");
		return addListener(new SocketListener() {

			@Override
			public void onChannelMessage(ChannelMessage message) {
				handler.accept(message);
			}

			@Override
			public String toString() {
				return "ChannelMessageHandler[" + handler + "]";
			}

		});
	}

	/**
	 * Registers a handler for edits of messages on joined channels.
	 * @param handler the handler
	 * @return a handle whose {@code close()} removes it
	 * @see SocketListener#onMessageEdited(MessageEdit)
	 */
	public Subscription onMessageEdited(Consumer<MessageEdit> handler) {
		Objects.requireNonNull(handler, "handler");
		return addListener(new SocketListener() {

			@Override
			public void onMessageEdited(MessageEdit edit) {
				handler.accept(edit);
			}

			@Override
			public String toString() {
				return "MessageEditedHandler[" + handler + "]";
			}

		});
	}

	/**
	 * Registers a handler for deletions of messages on joined channels.
	 * @param handler the handler
	 * @return a handle whose {@code close()} removes it
	 * @see SocketListener#onMessageDeleted(MessageDeletion)
	 */
	public Subscription onMessageDeleted(Consumer<MessageDeletion> handler) {
		Objects.requireNonNull(handler, "handler");
		return addListener(new SocketListener() {

			@Override
			public void onMessageDeleted(MessageDeletion deletion) {
				handler.accept(deletion);
			}

			@Override
			public String toString() {
				return "MessageDeletedHandler[" + handler + "]";
			}

		});
	}

	/**
	 * Registers a handler for reactions added or removed by others on joined channels.
	 * @param handler the handler
	 * @return a handle whose {@code close()} removes it
	 * @see SocketListener#onReaction(Reaction)
	 */
	public Subscription onReaction(Consumer<Reaction> handler) {
		Objects.requireNonNull(handler, "handler");
		return addListener(new SocketListener() {

			@Override
			public void onReaction(Reaction reaction) {
				handler.accept(reaction);
			}

			@Override
			public String toString() {
				return "ReactionHandler[" + handler + "]";
			}

		});
	}

	/**
	 * Registers a handler for typing indicators of others on joined channels.
	 * @param handler the handler
	 * @return a handle whose {@code close()} removes it
	 * @see SocketListener#onTyping(TypingIndicator)
	 */
	public Subscription onTyping(Consumer<TypingIndicator> handler) {
		Objects.requireNonNull(handler, "handler");
		return addListener(new SocketListener() {

			@Override
			public void onTyping(TypingIndicator typing) {
				handler.accept(typing);
			}

			@Override
			public String toString() {
				return "TypingHandler[" + handler + "]";
			}

		});
	}

	/**
	 * Registers a handler for incoming channel messages (TypeScript parity: it adds one, like
	 * {@link #onChannelMessage(Consumer)}, without returning a handle).
	 * @param handler the handler
	 */
	public void setChannelMessageHandler(Consumer<ChannelMessage> handler) {
		onChannelMessage(handler);
	}

	/**
	 * Registers a listener for every kind of event.
	 * @param listener the listener
	 * @return a handle whose {@code close()} removes it
	 */
	public Subscription addListener(SocketListener listener) {
		return this.engine.addListener(listener);
	}

	/**
	 * Sets the error handler (replacing the one given to {@code connect}).
	 * @param handler the handler, or {@code null} for none
	 */
	public void setErrorHandler(@Nullable Consumer<Throwable> handler) {
		this.engine.setErrorHandler(handler);
	}

	/**
	 * Joins a DM channel to receive its messages; rejoined after every reconnect.
	 * @param channelId the channel id (decimal)
	 * @return completes once joined
	 */
	public CompletableFuture<Void> joinDMChannel(String channelId) {
		return this.engine.join(channelId, ChannelType.DM);
	}

	/**
	 * Joins a group channel to receive its messages; rejoined after every reconnect.
	 * @param channelId the channel id (decimal)
	 * @return completes once joined
	 */
	public CompletableFuture<Void> joinGroupChannel(String channelId) {
		return this.engine.join(channelId, ChannelType.GROUP);
	}

	/**
	 * Leaves a DM channel.
	 * @param channelId the channel id (decimal)
	 * @return completes once left
	 */
	public CompletableFuture<Void> leaveDMChannel(String channelId) {
		return this.engine.leave(channelId, ChannelType.DM);
	}

	/**
	 * Leaves a group channel.
	 * @param channelId the channel id (decimal)
	 * @return completes once left
	 */
	public CompletableFuture<Void> leaveGroupChannel(String channelId) {
		return this.engine.leave(channelId, ChannelType.GROUP);
	}

	/**
	 * Sends a message to a DM channel.
	 *
	 * <p>Content limit: the serialised content (the {@code content} JSON string, e.g.
	 * {@code {"t":"..."}}) may have at most {@link MessageContent#MAX_LENGTH} (4,000) UTF-16 code
	 * units, Mezon's own SDKs' limit, and no lone UTF-16 surrogate. It is checked when the
	 * {@link MessageContent} is made: longer content throws {@link MezonContentTooLongException}
	 * (an {@link IllegalArgumentException} naming the limit and the size) at once, before anything
	 * is sent, and so do {@link #sendGroup} and {@link #editMessage}.
	 * @param message the message
	 * @return the server's acknowledgement
	 */
	public CompletableFuture<MessageAck> sendDM(OutgoingMessage message) {
		return this.engine.send(Objects.requireNonNull(message, "message"), ChannelType.DM);
	}

	/**
	 * Sends a text message to a DM channel.
	 * @param channelId the channel id (decimal)
	 * @param text the text
	 * @return the server's acknowledgement
	 * @throws MezonContentTooLongException if {@code {"t": text}} is longer than
	 * {@link MessageContent#MAX_LENGTH} UTF-16 code units (see {@link #sendDM(OutgoingMessage)})
	 * @throws MezonInvalidContentException if the text holds a lone UTF-16 surrogate
	 */
	public CompletableFuture<MessageAck> sendDM(String channelId, String text) {
		return sendDM(OutgoingMessage.text(channelId, text));
	}

	/**
	 * Sends a message to a group channel ({@code code} is not sent for groups, as in the
	 * TypeScript SDK).
	 * @param message the message
	 * @return the server's acknowledgement
	 */
	public CompletableFuture<MessageAck> sendGroup(OutgoingMessage message) {
		return this.engine.send(Objects.requireNonNull(message, "message"), ChannelType.GROUP);
	}

	/**
	 * Sends a text message to a group channel.
	 * @param channelId the channel id (decimal)
	 * @param text the text
	 * @return the server's acknowledgement
	 */
	public CompletableFuture<MessageAck> sendGroup(String channelId, String text) {
		return sendGroup(OutgoingMessage.text(channelId, text));
	}

	/**
	 * Edits a message this user sent ({@code channel_message_update}): its content, mentions and
	 * attachments become those of {@code message} (references cannot be changed). Others who
	 * joined the channel get {@link SocketListener#onMessageEdited}. Only the author may edit:
	 * the server refuses others with an {@code error} ({@link MezonServerErrorException}; the test
	 * server uses code 3).
	 * @param messageId the id of the message to edit (e.g. {@link MessageAck#messageId()})
	 * @param message the new version, on the message's channel
	 * @param type the channel's kind (sets {@code mode})
	 * @return the server's acknowledgement ({@code code} 1)
	 */
	public CompletableFuture<MessageAck> editMessage(String messageId, OutgoingMessage message, ChannelType type) {
		return editMessage(messageId, message, type, false);
	}

	/**
	 * Edits a message this user sent, optionally asking clients not to mark it as edited.
	 * @param messageId the id of the message to edit
	 * @param message the new version, on the message's channel
	 * @param type the channel's kind (sets {@code mode})
	 * @param hideEdited sent as {@code hide_editted}
	 * @return the server's acknowledgement ({@code code} 1)
	 * @see #editMessage(String, OutgoingMessage, ChannelType)
	 */
	public CompletableFuture<MessageAck> editMessage(String messageId, OutgoingMessage message, ChannelType type,
			boolean hideEdited) {
		return this.engine.edit(messageId, Objects.requireNonNull(message, "message"),
				Objects.requireNonNull(type, "type"), hideEdited);
	}

	/**
	 * Deletes a message this user sent ({@code channel_message_remove}). Others who joined the
	 * channel get {@link SocketListener#onMessageDeleted}. Only the author may delete: the server
	 * refuses others with an {@code error} ({@link MezonServerErrorException}).
	 * @param channelId the channel id (decimal)
	 * @param messageId the id of the message to delete
	 * @param type the channel's kind (sets {@code mode})
	 * @return the server's acknowledgement ({@code code} 2)
	 */
	public CompletableFuture<MessageAck> deleteMessage(String channelId, String messageId, ChannelType type) {
		return this.engine.remove(channelId, messageId, Objects.requireNonNull(type, "type"));
	}

	/**
	 * Reacts to a received message with an emoji ({@code message_reaction_event}); others who
	 * joined the channel get {@link SocketListener#onReaction}.
	 * @param message the message to react to
	 * @param emoji the emoji, e.g. {@code "👍"}
	 * @return the reaction as the server echoed it (with its count)
	 */
	public CompletableFuture<Reaction> react(ChannelMessage message, String emoji) {
		return react(message.channelId(), message.messageId(), message.senderId(), emoji, channelTypeOf(message));
	}

	/**
	 * Reacts to a message with an emoji.
	 * @param channelId the channel id (decimal)
	 * @param messageId the message id
	 * @param messageSenderId the message's author (sent as {@code message_sender_id}), or {@code ""}
	 * @param emoji the emoji
	 * @param type the channel's kind (sets {@code mode})
	 * @return the reaction as the server echoed it (with its count)
	 */
	public CompletableFuture<Reaction> react(String channelId, String messageId, String messageSenderId, String emoji,
			ChannelType type) {
		return this.engine.react(channelId, Objects.requireNonNull(type, "type"), messageId, messageSenderId, emoji,
				false);
	}

	/**
	 * Removes this user's reaction with an emoji from a received message ({@code action} true).
	 * @param message the message
	 * @param emoji the emoji
	 * @return the removal as the server echoed it ({@link Reaction#removed()} true, the new count)
	 */
	public CompletableFuture<Reaction> unreact(ChannelMessage message, String emoji) {
		return unreact(message.channelId(), message.messageId(), message.senderId(), emoji, channelTypeOf(message));
	}

	/**
	 * Removes this user's reaction with an emoji from a message ({@code action} true).
	 * @param channelId the channel id (decimal)
	 * @param messageId the message id
	 * @param messageSenderId the message's author, or {@code ""}
	 * @param emoji the emoji
	 * @param type the channel's kind (sets {@code mode})
	 * @return the removal as the server echoed it
	 */
	public CompletableFuture<Reaction> unreact(String channelId, String messageId, String messageSenderId, String emoji,
			ChannelType type) {
		return this.engine.react(channelId, Objects.requireNonNull(type, "type"), messageId, messageSenderId, emoji,
				true);
	}

	/**
	 * Tells the others on a channel that this user is typing ({@code message_typing_event}).
	 * Rate-limited per channel: after an indicator is sent on a channel, calls for that channel
	 * within {@link SocketOptions#typingInterval()} (default 3 s) send nothing and complete at
	 * once with {@code false}, so this can be called on every keystroke. An indicator that fails
	 * does not count.
	 * @param channelId the channel id (decimal)
	 * @param type the channel's kind (sets {@code mode})
	 * @return {@code true} once the server accepted an indicator, {@code false} when rate-limited
	 */
	public CompletableFuture<Boolean> sendTyping(String channelId, ChannelType type) {
		return this.engine.typing(channelId, Objects.requireNonNull(type, "type"));
	}

	private static ChannelType channelTypeOf(ChannelMessage message) {
		ChannelType type = message.channelType();
		if (type == null) {
			throw new IllegalArgumentException("Message " + message.messageId() + " has stream mode " + message.mode()
					+ ", which is neither a DM nor a group");
		}
		return type;
	}

	/** @return the ids of the channels joined (and rejoined after reconnects) */
	public Set<String> getJoinedChannels() {
		return this.engine.joinedChannels();
	}

	/**
	 * The channels this socket should be in and is not: their last join or rejoin failed (each
	 * failure is logged at WARN and reported to the error handler). They are tried again at the
	 * next reconnect.
	 * @return the ids of those channels
	 */
	public Set<String> getMissingChannels() {
		return this.engine.missingChannels();
	}

	/**
	 * @return the code and reason of the server's last close of this socket (e.g. {@code "4401 token
	 * revoked"}), or {@code null} if the server never closed it
	 */
	public @Nullable String getLastServerClose() {
		return this.engine.lastClose();
	}

	/**
	 * Why the link last went down or failed to come up: a refused or timed-out handshake, a lost
	 * connection, a failed refresh before reconnecting, or giving up. Kept after the link is back,
	 * so read it together with {@link #getState()}. For health reporting; never holds a token.
	 * @return the last connection error, or {@code null} if there was none
	 */
	public @Nullable Throwable getLastConnectionError() {
		return this.engine.lastConnectionError();
	}

	/**
	 * @return when the next reconnect attempt is due while {@link ConnectionState#RECONNECTING}
	 * and one is scheduled, else {@code null}
	 */
	public @Nullable Instant getNextReconnectTime() {
		return this.engine.nextReconnectAt();
	}

	/** @return queue and connection counters */
	public SocketMetrics getMetrics() {
		return this.engine.metrics();
	}

	/** @return the client this socket authenticates with */
	public LightClient getClient() {
		return this.client;
	}

	@Override
	public String toString() {
		return "LightSocket[user=" + this.client.userId() + ", state=" + getState() + "]";
	}

	/**
	 * Where the channels this socket joins are remembered and found again after a restart: in the
	 * catch-up cursor store when it also keeps channels (every store shipped does), under the
	 * cursors' scope; and, unless switched off, in the server's list of the user's DMs and groups.
	 */
	private static ChannelMemory channelMemory(LightClient client, SocketOptions options) {
		CatchUpOptions catchUp = options.catchUp();
		JoinedChannelStore store = (catchUp != null && catchUp.cursorStore() instanceof JoinedChannelStore joined) ? joined
				: null;
		ChannelMembership.ChannelLister lister = options.listChannelsOnConnect() ? client::listDirectChannels : null;
		if (store == null && lister == null) {
			return ChannelMemory.NONE;
		}
		return new ChannelMembership(store, (catchUp != null) ? catchUp.scope() : client.userId(), lister);
	}

	/** The client's session as the socket needs it; the URL is built fresh on each connect. */
	private record ClientSessionAccess(LightClient client) implements SessionAccess {

		@Override
		public URI socketUri() {
			Session session = this.client.getSession();
			return Endpoints.socketUri(session.getWsUrl(), session.getApiUrl(), session.getToken(),
					this.client.getOptions().allowInsecureTransport());
		}

		@Override
		public String userId() {
			return this.client.userId();
		}

		@Override
		public boolean isExpired() {
			return this.client.isSessionExpired();
		}

		@Override
		public boolean isRefreshExpired() {
			return this.client.isRefreshSessionExpired();
		}

		@Override
		public void refresh() {
			this.client.refreshSession();
		}

		@Override
		public boolean reauthenticate() {
			if (!this.client.canReauthenticate()) {
				return false;
			}
			this.client.reauthenticate();
			return true;
		}

		@Override
		public List<ai.mezon.light.proto.api.ChannelMessage> history(long channelId, long anchor,
				HistoryDirection direction, int limit) {
			ListChannelMessagesRequest.Builder request = ListChannelMessagesRequest.newBuilder()
				.setClanId(0)
				.setChannelId(channelId)
				.setLimit(limit)
				.setDirection(direction.wireValue());
			if (anchor > 0) {
				request.setMessageId(anchor);
			}
			return this.client.history(request.build());
		}

	}

}
