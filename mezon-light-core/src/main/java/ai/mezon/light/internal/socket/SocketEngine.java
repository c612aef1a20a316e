package ai.mezon.light.internal.socket;

import java.time.Instant;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import ai.mezon.light.ConnectOptions;
import ai.mezon.light.ConnectionState;
import ai.mezon.light.LightSocket;
import ai.mezon.light.MezonException;
import ai.mezon.light.SocketListener;
import ai.mezon.light.SocketMetrics;
import ai.mezon.light.Subscription;
import ai.mezon.light.message.ChannelType;
import ai.mezon.light.message.MessageAck;
import ai.mezon.light.message.OutgoingMessage;
import ai.mezon.light.message.Reaction;

/**
 * A wired socket, as {@code LightSocket} sees it: the entry into this package, each method handed
 * to the part that owns it (made by {@link SocketFactory}).
 */
public final class SocketEngine {

	private final SocketConnection connection;

	private final SocketRequests requests;

	private final JoinedChannels channels;

	private final SocketListeners listeners;

	private final IncomingRouter router;

	private final Supplier<SocketMetrics> metrics;

	SocketEngine(SocketConnection connection, SocketRequests requests, JoinedChannels channels,
			SocketListeners listeners, IncomingRouter router, Supplier<SocketMetrics> metrics) {
		this.connection = connection;
		this.requests = requests;
		this.channels = channels;
		this.listeners = listeners;
		this.router = router;
		this.metrics = metrics;
	}

	/** @return completes once connected, on the callback pool; fails with a {@code MezonException} */
	public CompletableFuture<Void> connect(ConnectOptions options) {
		this.router.setVerbose(options.verbose());
		return this.requests.toCaller(this.connection.connect(options));
	}

	public void disconnect() {
		this.connection.disconnect();
	}

	public ConnectionState state() {
		return this.connection.state();
	}

	public CompletableFuture<Void> join(String channelId, ChannelType type) {
		return this.requests.join(channelId, type);
	}

	public CompletableFuture<Void> leave(String channelId, ChannelType type) {
		return this.requests.leave(channelId, type);
	}

	public CompletableFuture<MessageAck> send(OutgoingMessage message, ChannelType type) {
		return this.requests.send(message, type);
	}

	public CompletableFuture<MessageAck> edit(String messageId, OutgoingMessage message, ChannelType type,
			boolean hideEdited) {
		return this.requests.edit(messageId, message, type, hideEdited);
	}

	public CompletableFuture<MessageAck> remove(String channelId, String messageId, ChannelType type) {
		return this.requests.remove(channelId, messageId, type);
	}

	public CompletableFuture<Reaction> react(String channelId, ChannelType type, String messageId,
			String messageSenderId, String emoji, boolean remove) {
		return this.requests.react(channelId, type, messageId, messageSenderId, emoji, remove);
	}

	public CompletableFuture<Boolean> typing(String channelId, ChannelType type) {
		return this.requests.typing(channelId, type);
	}

	public Subscription addListener(SocketListener listener) {
		return this.listeners.add(listener);
	}

	public void setErrorHandler(@Nullable Consumer<Throwable> handler) {
		this.listeners.setErrorHandler(handler);
	}

	/** @return the channels joined (and rejoined after reconnects) */
	public Set<String> joinedChannels() {
		return this.channels.joinedChannels();
	}

	/** @return the channels that should be joined and whose last join or rejoin failed */
	public Set<String> missingChannels() {
		return this.channels.missingChannels();
	}

	public @Nullable Throwable lastConnectionError() {
		return this.connection.lastConnectionError();
	}

	/** @return the server's last close code and reason (e.g. "4401 token revoked"), or {@code null} */
	public @Nullable String lastClose() {
		return this.connection.lastClose();
	}

	public @Nullable Instant nextReconnectAt() {
		return this.connection.nextReconnectAt();
	}

	public SocketMetrics metrics() {
		return this.metrics.get();
	}

}
