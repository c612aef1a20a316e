package ai.mezon.light.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.google.protobuf.InvalidProtocolBufferException;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.CloseReason;
import jakarta.websocket.ContainerProvider;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import jakarta.websocket.WebSocketContainer;
import org.jspecify.annotations.Nullable;

import ai.mezon.light.proto.realtime.ChannelJoin;
import ai.mezon.light.proto.realtime.Envelope;
import ai.mezon.light.session.SessionData;

/**
 * The baseline: a WebSocket + protobuf client with no SDK logic, on Tomcat's JSR-356 client (the
 * baseline of every earlier run, kept so the SDK/raw ratios compare across time; the SDK itself
 * moved to the JDK's WebSocket client, so the ratio now also holds the difference between the two
 * clients: BENCHMARKS.md has a raw-against-raw spike). No correlation table, timeouts, dispatch
 * lanes, flow control or content decoding. Frames are decoded with the generated parser on the
 * reading thread and handed to a {@link Listener}; envelopes are encoded by hand with an int32
 * {@code cid}. Only one thread may send at a time (JSR-356's basic remote), which
 * {@code synchronized} guarantees.
 */
final class RawClient implements AutoCloseable {

	private final Session session;

	private final AtomicInteger nextCid = new AtomicInteger();

	private final Map<Integer, CompletableFuture<Envelope>> setup = new ConcurrentHashMap<>();

	private volatile @Nullable Listener listener;

	private RawClient(Session session) {
		this.session = session;
	}

	/**
	 * Connects as the session's user.
	 * @param data the session (token and ws URL of the test server)
	 * @return the connected client
	 */
	static RawClient connect(SessionData data) throws IOException, DeploymentException {
		WebSocketContainer container = ContainerProvider.getWebSocketContainer();
		// The SDK's buffer size, so both hold the same container buffers per connection.
		container.setDefaultMaxBinaryMessageBufferSize(64 * 1024);
		String ws = data.wsUrl();
		String base = ((ws != null) ? ws : data.apiUrl()).replaceFirst("^http", "ws");
		URI uri = URI.create(base + "/ws?lang=en&status=true&token="
				+ URLEncoder.encode(data.token(), StandardCharsets.UTF_8) + "&format=protobuf&platform=0");
		RawClient[] holder = new RawClient[1];
		Session session = container.connectToServer(new Endpoint() {

			@Override
			public void onOpen(Session opened, EndpointConfig config) {
				opened.addMessageHandler(ByteBuffer.class, new MessageHandler.Whole<ByteBuffer>() {

					@Override
					public void onMessage(ByteBuffer frame) {
						RawClient client = holder[0];
						if (client != null) {
							client.onFrame(frame);
						}
					}

				});
			}

		}, ClientEndpointConfig.Builder.create().build(), uri);
		RawClient client = new RawClient(session);
		holder[0] = client;
		return client;
	}

	/** @param listener receives every frame from now on; {@code null} for setup requests only */
	void listen(@Nullable Listener listener) {
		this.listener = listener;
	}

	/** @return the next cid of this connection */
	int nextCid() {
		return this.nextCid.incrementAndGet();
	}

	/** Writes an envelope with a cid (0 for none); blocks until the container took it. */
	synchronized void send(Envelope body, int cid) throws IOException {
		this.session.getBasicRemote().sendBinary(ByteBuffer.wrap(body.toBuilder().setCid(cid).build().toByteArray()));
	}

	/** Joins channels and waits for every reply (setup, not measured). */
	void join(Iterable<Long> channelIds, int channelType) throws Exception {
		Map<Integer, CompletableFuture<Envelope>> replies = new java.util.HashMap<>();
		for (long channelId : channelIds) {
			int cid = nextCid();
			CompletableFuture<Envelope> reply = new CompletableFuture<>();
			this.setup.put(cid, reply);
			replies.put(cid, reply);
			send(Envelope.newBuilder()
				.setChannelJoin(ChannelJoin.newBuilder().setChannelId(channelId).setChannelType(channelType))
				.build(), cid);
		}
		for (CompletableFuture<Envelope> reply : replies.values()) {
			Envelope envelope = reply.get(10, TimeUnit.SECONDS);
			if (envelope.hasError()) {
				throw new IllegalStateException("Join refused: " + envelope.getError().getMessage());
			}
		}
	}

	private void onFrame(ByteBuffer frame) {
		Envelope envelope;
		try {
			envelope = Envelope.parseFrom(frame);
		}
		catch (InvalidProtocolBufferException ex) {
			return;
		}
		int cid = envelope.getCid();
		if (cid != 0) {
			CompletableFuture<Envelope> waiting = this.setup.remove(cid);
			if (waiting != null) {
				waiting.complete(envelope);
				return;
			}
		}
		Listener current = this.listener;
		if (current != null) {
			if (cid != 0) {
				current.onReply(cid, envelope);
			}
			else {
				current.onPush(envelope);
			}
		}
	}

	@Override
	public void close() {
		try {
			this.session.close(new CloseReason(CloseReason.CloseCodes.NORMAL_CLOSURE, "done"));
		}
		catch (IOException ex) {
			// Closing a benchmark connection: nothing to do.
		}
	}

	/** Receives decoded frames on the reading thread. */
	interface Listener {

		default void onReply(int cid, Envelope envelope) {
		}

		default void onPush(Envelope envelope) {
		}

	}

}
