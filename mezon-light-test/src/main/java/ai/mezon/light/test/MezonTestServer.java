package ai.mezon.light.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.jspecify.annotations.Nullable;

import ai.mezon.light.AuthenticateConfig;
import ai.mezon.light.Ids;
import ai.mezon.light.LightClient;
import ai.mezon.light.LightClientOptions;
import ai.mezon.light.codec.MessageContents;
import ai.mezon.light.codec.MessageParts;
import ai.mezon.light.codec.PushedEvents;
import ai.mezon.light.message.Attachment;
import ai.mezon.light.message.Mention;
import ai.mezon.light.message.MessageReference;
import ai.mezon.light.message.MessageText;
import ai.mezon.light.message.OutgoingMessage;
import ai.mezon.light.message.Reaction;
import ai.mezon.light.message.TypingIndicator;
import ai.mezon.light.proto.realtime.Envelope;
import ai.mezon.light.session.SessionData;
import ai.mezon.light.test.internal.ServerClock;
import ai.mezon.light.test.internal.ServerState;
import ai.mezon.light.test.internal.Snowflakes;
import ai.mezon.light.test.internal.StateChannelHistory;
import ai.mezon.light.test.internal.TokenService;
import ai.mezon.light.test.internal.TokenService.TokenPair;
import ai.mezon.light.test.internal.TomcatQuiet;
import ai.mezon.light.test.internal.rest.ChannelHistory;
import ai.mezon.light.test.internal.rest.PresignedUrls;
import ai.mezon.light.test.internal.rest.RequestCounters;
import ai.mezon.light.test.internal.rest.RestEndpoints;
import ai.mezon.light.test.internal.rest.RestEnvironment;
import ai.mezon.light.test.internal.rest.RestFaults;
import ai.mezon.light.test.internal.ws.SocketHub;
import ai.mezon.light.test.internal.ws.SocketServer;

/**
 * An embedded, stateful stand-in for the Mezon servers: gateway, REST API, presigned uploads and
 * the real-time socket, all on one loopback port. Start one per test class (it starts in well
 * under a second) or use {@code MezonTestServerExtension}.
 *
 * <pre>{@code
 * try (MezonTestServer server = MezonTestServer.builder().build().start()) {
 *     LightClient client = LightClient.authenticate(server.authenticateConfig("42", "alice"));
 * }
 * }</pre>
 *
 * <p>It speaks the SDK's terms: messages come back as {@link StoredMessage} (decimal string ids,
 * the text, the SDK's {@code Attachment}, {@code Mention} and {@code MessageReference}), reactions
 * and typing as the SDK's {@code Reaction} and {@code TypingIndicator}. Only the wire-level tools,
 * {@link #framesFrom} and {@link #pushTo}, show protobuf envelopes, for protocol tests.
 *
 * <p>Faults ({@code failRestCalls}, {@code delayRestCalls}, {@code refuseNextHandshakes},
 * {@code stopAnsweringPings}, {@code delayAcks}) stay on until switched off; {@link #resetFaults()}
 * switches all of them off at once.
 *
 * <p>Thread-safe. Requests are served on Tomcat's worker threads; the {@code ...As} methods act
 * on the calling thread and have pushed to every connection's queue when they return.
 */
public final class MezonTestServer implements AutoCloseable {

	/** The line the standalone server prints once it listens, followed by the base URL. */
	public static final String LISTENING_PREFIX = "Mezon test server listening on ";

	/** The id token {@link #authenticateConfig} uses: the server accepts any non-blank one. */
	public static final String TEST_ID_TOKEN = "mezon-test-id-token";

	/** How long presigned upload URLs stay valid. */
	public static final Duration UPLOAD_URL_LIFETIME = Duration.ofMinutes(5);

	private final int requestedPort;

	private final ServerClock clock;

	private final ServerState state;

	private final TokenService tokens;

	private final String serverKey;

	private final PresignedUrls presignedUrls;

	private final RequestCounters requestCounters = new RequestCounters();

	private final RestFaults restFaults = new RestFaults();

	/** Message history served by ListChannelMessages: the messages the socket side accepted. */
	private final ChannelHistory channelHistory;

	private final boolean permessageDeflate;

	private final SocketHub sockets;

	private @Nullable Tomcat tomcat;

	private @Nullable Path baseDir;

	private volatile int port = -1;

	private MezonTestServer(Builder builder) {
		this.requestedPort = builder.port;
		this.clock = new ServerClock(builder.clock);
		this.state = new ServerState(new Snowflakes(this.clock));
		this.tokens = new TokenService(this.clock, builder.tokenLifetime, builder.refreshLifetime);
		this.serverKey = builder.serverKey;
		this.presignedUrls = new PresignedUrls(this.clock, UPLOAD_URL_LIFETIME);
		this.sockets = new SocketHub(this.state, this.clock, builder.recordTraffic);
		this.channelHistory = new StateChannelHistory(this.state);
		this.permessageDeflate = builder.permessageDeflate;
	}

	/** @return a builder with defaults: a free port, 1 h tokens, 30 d refresh tokens */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Starts the server.
	 * @return this server
	 * @throws IllegalStateException if it is already started or cannot bind
	 */
	public synchronized MezonTestServer start() {
		if (this.tomcat != null) {
			throw new IllegalStateException("Already started");
		}
		TomcatQuiet.logging();
		try {
			this.baseDir = Files.createTempDirectory("mezon-test-server");
			Tomcat server = new Tomcat();
			server.setBaseDir(this.baseDir.toString());
			Connector connector = new Connector();
			connector.setPort(this.requestedPort);
			connector.setProperty("address", "127.0.0.1");
			server.getService().addConnector(connector);
			server.setConnector(connector);
			Context context = server.addContext("", this.baseDir.toString());
			TomcatQuiet.context(context);
			registerEndpoints(context);
			server.start();
			this.tomcat = server;
			this.port = connector.getLocalPort();
			return this;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (LifecycleException ex) {
			throw new IllegalStateException("Mezon test server failed to start", ex);
		}
	}

	private void registerEndpoints(Context context) {
		RestEndpoints.register(context, new RestEnvironment(this.state, this.tokens, this.clock, this.serverKey,
				this::baseUrl, this.presignedUrls, this.requestCounters, this.restFaults, () -> this.channelHistory));
		new SocketServer(this.sockets, this.tokens, this.permessageDeflate).register(context);
	}

	/** Stops the server; open sockets are closed. Idempotent. */
	@Override
	public synchronized void close() {
		Tomcat server = this.tomcat;
		this.tomcat = null;
		this.sockets.shutdown();
		if (server != null) {
			try {
				server.stop();
				server.destroy();
			}
			catch (LifecycleException ex) {
				throw new IllegalStateException("Mezon test server failed to stop", ex);
			}
		}
	}

	/** @return the port the server listens on */
	public int port() {
		if (this.port < 0) {
			throw new IllegalStateException("Not started");
		}
		return this.port;
	}

	/** @return {@code http://127.0.0.1:PORT}: the gateway, {@code api_url} and {@code ws_url} */
	public String baseUrl() {
		return "http://127.0.0.1:" + port();
	}

	/**
	 * Registers a user (or returns the known one) without authenticating.
	 * @param username the name
	 * @return the user, with a new snowflake id
	 */
	public TestUser createUser(String username) {
		return this.state.user(null, username);
	}

	/**
	 * Registers a user with a given id (or returns the known one).
	 * @param id the id
	 * @param username the name
	 * @return the user
	 */
	public TestUser createUser(long id, String username) {
		return this.state.user(id, username);
	}

	/**
	 * Issues a session for a user directly, as if it had authenticated.
	 * @param user the user
	 * @return the session in export form, pointing at this server
	 */
	public SessionData issueSession(TestUser user) {
		TokenPair pair = this.tokens.issue(user, Map.of());
		return new SessionData(pair.token(), pair.refreshToken(), baseUrl(), baseUrl(), user.idString());
	}

	/** @return every known user */
	public Collection<TestUser> users() {
		return this.state.users();
	}

	/** @return every channel */
	public Collection<TestChannel> channels() {
		return this.state.channels();
	}

	/**
	 * Moves the server's clock forward, so tokens expire without sleeping.
	 * @param amount how far
	 */
	public void advanceClock(Duration amount) {
		this.clock.advance(amount);
	}

	/** @param lifetime the lifetime of access tokens issued from now on */
	public void setTokenLifetime(Duration lifetime) {
		this.tokens.setTokenLifetime(lifetime);
	}

	/** @param lifetime the lifetime of refresh tokens issued from now on */
	public void setRefreshLifetime(Duration lifetime) {
		this.tokens.setRefreshLifetime(lifetime);
	}

	/** Fault: every token issued so far (access and refresh) becomes invalid. */
	public void expireAllTokens() {
		this.tokens.revokeAllIssuedBefore(this.clock.instant().plusMillis(1));
	}

	/** @return the server's clock (the system clock plus {@link #advanceClock} moves) */
	public Clock clock() {
		return this.clock;
	}

	/** @return the server key expected in HTTP Basic authorization (gateway and refresh) */
	public String serverKey() {
		return this.serverKey;
	}

	/**
	 * Configuration to authenticate against this server: its gateway and server key, and a
	 * dummy id token (any non-blank id token is accepted).
	 * @param userId the user id (decimal), or a non-numeric value for a new snowflake id
	 * @param username the user name
	 * @return the configuration for {@code LightClient.authenticate}
	 */
	public AuthenticateConfig authenticateConfig(String userId, String username) {
		return new AuthenticateConfig(TEST_ID_TOKEN, userId, username, baseUrl(), this.serverKey);
	}

	/**
	 * Client options suited to this server: a 5 s request timeout and the server's clock, so a
	 * client judges expiry the way the server does after {@link #advanceClock}.
	 * @return the options
	 */
	public LightClientOptions clientOptions() {
		return LightClientOptions.builder().requestTimeout(Duration.ofSeconds(5)).clock(this.clock).build();
	}

	/**
	 * A file uploaded through a presigned URL.
	 * @param url the file's public URL (the presigned URL without query), or just its path
	 * @return the file, if one was uploaded there
	 */
	public Optional<UploadedFile> uploadedFile(String url) {
		String path = url;
		int query = path.indexOf('?');
		if (query >= 0) {
			path = path.substring(0, query);
		}
		int scheme = path.indexOf("://");
		if (scheme >= 0) {
			int slash = path.indexOf('/', scheme + 3);
			path = (slash >= 0) ? path.substring(slash) : "/";
		}
		return this.state.findObject(path).map((stored) -> new UploadedFile(stored.contentType(), stored.bytes()));
	}

	/** @return how many {@code SessionRefresh} requests the server received */
	public int refreshCount() {
		return requestCount("SessionRefresh");
	}

	/**
	 * @return how many {@code SessionRefresh} requests were refused with 401 because the refresh
	 * token was spent (already used once), expired or invalid: with several instances sharing a
	 * session, anything above 0 means two of them used the same refresh token
	 */
	public int refusedRefreshCount() {
		return requestCount(RestEndpoints.REFUSED_REFRESH_COUNTER);
	}

	/**
	 * How many requests a REST call received (faulted ones included).
	 * @param call {@code authenticate}, {@code SessionRefresh}, {@code CreateChannelDesc},
	 * {@code UploadAttachmentFile}, {@code ListChannelMessages} or {@code PutObject}
	 * @return the count
	 */
	public int requestCount(String call) {
		return this.requestCounters.count(call);
	}

	/**
	 * Fault: the next {@code count} REST requests (gateway, API and uploads) answer {@code status}
	 * with a JSON error body.
	 * @param status the HTTP status, e.g. 500
	 * @param count how many requests fail
	 */
	public void failRestCalls(int status, int count) {
		this.restFaults.failNext(status, count);
	}

	/**
	 * Fault: hold every REST answer this long, so clients time out.
	 * @param delay the delay, {@link Duration#ZERO} to stop delaying
	 */
	public void delayRestCalls(Duration delay) {
		this.restFaults.delay(delay);
	}

	/**
	 * Fault, as some real server versions answer: {@code ListChannelDescs} lists an empty entry (no
	 * {@code channel_id}) after every {@code every} channels; such entries take a slot of the page.
	 * @param every how many channels between empty entries, 0 to stop
	 */
	public void emptyChannelListEntries(int every) {
		this.restFaults.emptyChannelListEntries(every);
	}

	// Channels and messages

	/**
	 * Creates (or finds) the DM of two users, as {@code CreateChannelDesc} would; connected members
	 * are pushed {@code user_channel_added_event} when it is new.
	 * @param creator the user creating it
	 * @param peer the other user
	 * @return the channel
	 */
	public TestChannel createDm(TestUser creator, TestUser peer) {
		return this.state.dm(creator.id(), peer.id()).channel();
	}

	/**
	 * Creates a group DM; connected members are pushed {@code user_channel_added_event}.
	 * @param creator the user creating it (a member)
	 * @param label the label
	 * @param others the other members
	 * @return the channel
	 */
	public TestChannel createGroup(TestUser creator, String label, TestUser... others) {
		return this.state.group(creator.id(), Arrays.stream(others).map(TestUser::id).toList(), label);
	}

	/**
	 * The history of a channel: every message the server accepted on it, from clients and from
	 * {@code sendAs}, in the order subscribers received them. Edited and deleted messages are in
	 * their latest form ({@link StoredMessage#edited()}, {@link StoredMessage#deleted()}).
	 * @param channel a channel
	 * @return the messages, oldest first (empty when {@link Builder#recordTraffic} is off)
	 */
	public List<StoredMessage> messages(TestChannel channel) {
		return this.state.messages(channel.id()).stream().map(StoredMessage::of).toList();
	}

	/**
	 * @param channel a channel
	 * @param messageId a message id (decimal)
	 * @return the latest version of the message, if the channel has it
	 * @throws IllegalArgumentException if the id is not a decimal id
	 */
	public Optional<StoredMessage> message(TestChannel channel, String messageId) {
		return this.state.findMessage(channel.id(), Ids.parse("messageId", messageId)).map(StoredMessage::of);
	}

	/**
	 * Injects a text message ({@code {"t": text}}) from a simulated user into a channel: it is
	 * stored and pushed to every connection that joined the channel, as a message from a real
	 * client would be.
	 * @param user the sender
	 * @param channel the channel
	 * @param text the text
	 * @return the stored message
	 */
	public StoredMessage sendAs(TestUser user, TestChannel channel, String text) {
		return sendAs(user, channel, MessageText.of(text));
	}

	/**
	 * Injects a text message that mentions users: each mentioned user's {@code @username} is found
	 * in the text, in order, and becomes a mention with its UTF-16 offsets, as a Mezon client
	 * sends it.
	 *
	 * <pre>{@code
	 * server.sendAs(alice, group, "hey @bot, ask @carol", bot, carol);
	 * }</pre>
	 * @param user the sender
	 * @param channel the channel
	 * @param text the text, containing {@code "@" + username} of every mentioned user
	 * @param mentioned the users mentioned, in the order they appear in the text
	 * @return the stored message
	 * @throws IllegalArgumentException if a mentioned user's {@code @username} is not in the text
	 * (after the previous mention)
	 */
	public StoredMessage sendAs(TestUser user, TestChannel channel, String text, TestUser... mentioned) {
		List<Mention> mentions = new ArrayList<>();
		int from = 0;
		for (TestUser target : mentioned) {
			String label = "@" + target.username();
			int start = text.indexOf(label, from);
			if (start < 0) {
				throw new IllegalArgumentException("'" + label + "' is not in the text after offset " + from + ": "
						+ text);
			}
			mentions.add(new Mention(target.idString(), target.username(), start, start + label.length()));
			from = start + label.length();
		}
		return sendAs(user, channel, new MessageText(text, mentions));
	}

	/**
	 * Injects a text with mentions built by the SDK's own {@link MessageText#builder()}.
	 * @param user the sender
	 * @param channel the channel
	 * @param text the text and its mentions
	 * @return the stored message
	 */
	public StoredMessage sendAs(TestUser user, TestChannel channel, MessageText text) {
		return StoredMessage.of(this.sockets.sendAs(user, channel, MessageContents.ofText(text.text()), List.of(),
				text.mentions().stream().map(MessageParts::toProto).toList(), List.of()));
	}

	/**
	 * Injects any message a client could send, in the SDK's own form: content, attachments,
	 * mentions and references (a reply) all kept; the channel is the message's
	 * {@link OutgoingMessage#channelId()}.
	 * @param user the sender
	 * @param message the message
	 * @return the stored message
	 * @throws IllegalArgumentException if the server has no such channel
	 */
	public StoredMessage sendAs(TestUser user, OutgoingMessage message) {
		TestChannel channel = channel(message.channelId());
		return StoredMessage.of(this.sockets.sendAs(user, channel, message.content().json(),
				message.attachments().stream().map(MessageParts::toProto).toList(),
				message.mentions().stream().map(MessageParts::toProto).toList(),
				message.references().stream().map(MessageParts::toProto).toList()));
	}

	/**
	 * Injects a message with raw content (any string, JSON or not) from a simulated user.
	 * @param user the sender
	 * @param channel the channel
	 * @param rawContent the {@code content} string as it goes on the wire
	 * @return the stored message
	 */
	public StoredMessage sendRawAs(TestUser user, TestChannel channel, String rawContent) {
		return StoredMessage.of(this.sockets.sendAs(user, channel, rawContent));
	}

	/**
	 * Edits a message as a simulated user: the history is updated and every connection that
	 * joined the channel is pushed a {@code channel_message} with code 1.
	 * @param user the author
	 * @param channel the channel
	 * @param messageId the message (decimal)
	 * @param text the new text ({@code {"t": text}}, without mentions)
	 * @return the edited message
	 * @throws IllegalStateException when a client's request would be refused (not the author,
	 * unknown or deleted message)
	 */
	public StoredMessage editAs(TestUser user, TestChannel channel, String messageId, String text) {
		return StoredMessage.of(this.sockets.editAs(user, channel, Ids.parse("messageId", messageId),
				MessageContents.ofText(text), List.of()));
	}

	/**
	 * Deletes a message as a simulated user: the history keeps it as code 2 and every connection
	 * that joined the channel is pushed a {@code channel_message} with code 2.
	 * @param user the author
	 * @param channel the channel
	 * @param messageId the message (decimal)
	 * @return the deleted message's tombstone
	 * @throws IllegalStateException when a client's request would be refused
	 */
	public StoredMessage deleteAs(TestUser user, TestChannel channel, String messageId) {
		return StoredMessage.of(this.sockets.deleteAs(user, channel, Ids.parse("messageId", messageId)));
	}

	/**
	 * Reacts to a message as a simulated user; every connection that joined the channel is pushed
	 * the {@code message_reaction_event}.
	 * @param user the reacting user
	 * @param channel the channel
	 * @param messageId the message (decimal)
	 * @param emoji the emoji
	 * @return the reaction as pushed, with its new {@link Reaction#count()}
	 * @throws IllegalStateException when a client's request would be refused
	 */
	public Reaction reactAs(TestUser user, TestChannel channel, String messageId, String emoji) {
		return PushedEvents.reaction(this.sockets.reactAs(user, channel, Ids.parse("messageId", messageId), emoji, false));
	}

	/**
	 * Removes a simulated user's reaction; pushed like {@link #reactAs}.
	 * @param user the reacting user
	 * @param channel the channel
	 * @param messageId the message (decimal)
	 * @param emoji the emoji
	 * @return the removal as pushed, with the new {@link Reaction#count()}
	 * @throws IllegalStateException when a client's request would be refused
	 */
	public Reaction unreactAs(TestUser user, TestChannel channel, String messageId, String emoji) {
		return PushedEvents.reaction(this.sockets.reactAs(user, channel, Ids.parse("messageId", messageId), emoji, true));
	}

	/**
	 * Pushes a typing indicator of a simulated user to every connection that joined the channel.
	 * @param user the typing user
	 * @param channel the channel
	 * @return the event as pushed
	 * @throws IllegalStateException when a client's request would be refused
	 */
	public TypingIndicator typingAs(TestUser user, TestChannel channel) {
		return PushedEvents.typing(this.sockets.typingAs(user, channel));
	}

	/**
	 * The reactions a message carries now, as the server counts them: per emoji, how many
	 * distinct users react with it (a user counts once per emoji, whether the reaction came from
	 * a client or from {@link #reactAs}; a removal takes the user off). Emojis nobody reacts with
	 * any more are absent. A snapshot: later reactions do not change the returned map.
	 * @param messageId a message id (decimal)
	 * @return emoji to number of users, empty when nobody reacts (or the message is unknown)
	 * @throws IllegalArgumentException if the id is not a decimal id
	 */
	public Map<String, Integer> reactionCounts(String messageId) {
		return this.state.reactionCounts(Ids.parse("messageId", messageId));
	}

	private TestChannel channel(String channelId) {
		long id = Ids.parse("channelId", channelId);
		return this.state.findChannel(id)
			.orElseThrow(() -> new IllegalArgumentException("The test server has no channel " + channelId));
	}

	// Socket observation and faults

	/**
	 * Pushes any envelope (without {@code cid}) to every socket of a user, e.g. an event kind the
	 * server itself never pushes.
	 * @param user the user
	 * @param envelope the envelope
	 */
	public void pushTo(TestUser user, Envelope envelope) {
		this.sockets.push(user.id(), envelope);
	}

	/**
	 * @param user a user
	 * @return every socket frame received from the user, oldest first
	 */
	public List<ReceivedFrame> framesFrom(TestUser user) {
		return this.sockets.framesFrom(user.id());
	}

	/**
	 * @param user a user
	 * @return the user's open socket connections
	 */
	public int socketConnectionCount(TestUser user) {
		return this.sockets.connectionCount(user.id());
	}

	/** @return how many socket handshakes were accepted since start */
	public int socketHandshakeCount() {
		return this.sockets.handshakeCount();
	}

	/**
	 * Switches every fault off in one call: REST calls answer at once and without injected
	 * errors, socket handshakes are accepted, pings answered and acks sent at once. Connections,
	 * users, channels, history, tokens and the clock are left as they are. Handy in an
	 * {@code @AfterEach} of a class sharing one server.
	 */
	public void resetFaults() {
		this.restFaults.reset();
		this.sockets.faults().reset();
	}

	/** Fault: closes every socket connection, as a server going away would. */
	public void dropConnections() {
		this.sockets.drop(null);
	}

	/**
	 * Fault: closes every socket connection of one user.
	 * @param user the user
	 */
	public void dropConnections(TestUser user) {
		this.sockets.drop(user.id());
	}

	/**
	 * Fault: closes every socket connection of one user with a close code and reason, e.g. 4401
	 * "token revoked" (a close the client must answer by renewing its session, PROTOCOL.md §4).
	 * @param user the user
	 * @param code the close code (1000-4999)
	 * @param reason the close reason
	 */
	public void closeConnections(TestUser user, int code, String reason) {
		this.sockets.close(user.id(), code, reason);
	}

	/**
	 * Fault: the next connections are accepted and closed at once with a close code and reason, as a
	 * server that accepts a socket and then refuses its token would.
	 * @param count how many connections
	 * @param code the close code (1000-4999)
	 * @param reason the close reason
	 */
	public void closeNextConnections(int count, int code, String reason) {
		this.sockets.faults().closeNextConnections(count, code, reason);
	}

	/**
	 * Fault: pings go unanswered for a while (the connections stay open).
	 * @param duration how long from now
	 */
	public void stopAnsweringPings(Duration duration) {
		this.sockets.faults().stopAnsweringPings(duration);
	}

	/**
	 * Fault: the next socket handshakes are refused with HTTP 503.
	 * @param count how many
	 */
	public void refuseNextHandshakes(int count) {
		this.sockets.faults().refuseNextHandshakes(count);
	}

	/**
	 * Fault: every {@code channel_message_ack} is held this long (the message is stored and
	 * pushed at once).
	 * @param delay the delay, {@link Duration#ZERO} to stop
	 */
	public void delayAcks(Duration delay) {
		this.sockets.faults().delayAcks(delay);
	}

	/**
	 * Fault: sends a binary frame that is not an envelope to every socket of a user.
	 * @param user the user
	 */
	public void pushGarbage(TestUser user) {
		this.sockets.pushGarbage(user.id());
	}

	/**
	 * Fault: sends a binary frame of the given bytes to every socket of a user, e.g. a frame starting
	 * with {@code 0xFF} (a chunked raw API answer of newer servers, PROTOCOL.md §4).
	 * @param user the user
	 * @param frame the frame's bytes
	 */
	public void pushFrame(TestUser user, byte[] frame) {
		this.sockets.pushFrame(user.id(), frame);
	}

	ServerState state() {
		return this.state;
	}

	TokenService tokens() {
		return this.tokens;
	}

	/** Builds a {@link MezonTestServer}. */
	public static final class Builder {

		private int port;

		private Clock clock = Clock.systemUTC();

		private Duration tokenLifetime = Duration.ofHours(1);

		private Duration refreshLifetime = Duration.ofDays(30);

		private String serverKey = AuthenticateConfig.DEFAULT_SERVER_KEY;

		private boolean recordTraffic = true;

		private boolean permessageDeflate;

		private Builder() {
		}

		/**
		 * Whether the socket accepts the {@code permessage-deflate} extension (RFC 7692) when a client
		 * offers it. Default {@code false}: Mezon does not publish what its servers negotiate; frames
		 * here are small protobuf envelopes that compression barely shrinks, while compressing each
		 * one costs both ends CPU (measured in BENCHMARKS.md: it cut the JS SDK's rate through this
		 * server several times). Clients that do not offer it (Tomcat's, hence this SDK) are
		 * unaffected either way. Switch it on to test a client against a server that compresses.
		 * @param enabled whether to negotiate {@code permessage-deflate}
		 * @return this builder
		 */
		public Builder permessageDeflate(boolean enabled) {
			this.permessageDeflate = enabled;
			return this;
		}

		/**
		 * @param record whether socket frames received ({@link MezonTestServer#framesFrom}) and
		 * published messages ({@link MezonTestServer#messages}, history) are kept (default
		 * {@code true}); load tests switch it off so the server's heap stays flat
		 */
		public Builder recordTraffic(boolean record) {
			this.recordTraffic = record;
			return this;
		}

		/** @param serverKey the server key expected on gateway and refresh calls (default {@code DefaultServerKey}) */
		public Builder serverKey(String serverKey) {
			if (serverKey == null || serverKey.isEmpty()) {
				throw new IllegalArgumentException("serverKey must not be empty");
			}
			this.serverKey = serverKey;
			return this;
		}

		/** @param port the port, 0 (default) for a free one */
		public Builder port(int port) {
			this.port = port;
			return this;
		}

		/** @param clock the base clock (default: system UTC) */
		public Builder clock(Clock clock) {
			this.clock = Objects.requireNonNull(clock);
			return this;
		}

		/** @param lifetime the access token lifetime (default 1 h) */
		public Builder tokenLifetime(Duration lifetime) {
			this.tokenLifetime = lifetime;
			return this;
		}

		/** @param lifetime the refresh token lifetime (default 30 d) */
		public Builder refreshLifetime(Duration lifetime) {
			this.refreshLifetime = lifetime;
			return this;
		}

		/** @return the server, not started */
		public MezonTestServer build() {
			return new MezonTestServer(this);
		}

	}

}
