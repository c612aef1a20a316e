package ai.mezon.light.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

import ai.mezon.light.MezonResponseTooLargeException;
import ai.mezon.light.Secrets;

/**
 * Configuration properties of the Mezon light client ({@code mezon.*}).
 *
 * <p>Credentials come either as an id token ({@code mezon.id-token}, {@code mezon.user-id},
 * {@code mezon.username}) or as an exported session ({@code mezon.session.*}); a session kept in
 * the {@linkplain ai.mezon.light.session.SessionStore session store} takes precedence over both. {@link #toString()}
 * never shows a token.
 *
 * <p>Validated when bound (it is its own {@link Validator}, which Boot applies to configuration
 * properties without Bean Validation on the class path): a zero or negative duration, a count out
 * of range or a table name that is not an SQL identifier fails start-up before anything signs in,
 * and the message names the property as written, e.g. {@code mezon.socket.heartbeat-interval
 * must be positive}.
 */
@ConfigurationProperties("mezon")
public class MezonProperties implements Validator {

	// Table names and prefixes go into SQL text: identifiers only, optionally schema-qualified.
	private static final java.util.regex.Pattern SQL_NAME = java.util.regex.Pattern
		.compile("([A-Za-z_][A-Za-z0-9_]*\\.)?[A-Za-z_][A-Za-z0-9_]*");

	/**
	 * Whether to auto-configure the Mezon light client.
	 */
	private boolean enabled = true;

	/**
	 * Gateway the id token is exchanged at. Only the scheme, host and port are used.
	 */
	private String gatewayUrl = "https://gw.mezon.ai";

	/**
	 * Server key sent as the HTTP Basic user name on authenticate and refresh calls.
	 */
	private String serverKey = "DefaultServerKey";

	/**
	 * Id token to authenticate with at the gateway, and to authenticate again with when the
	 * refresh token has expired. A secret: keep it out of committed files.
	 */
	private @Nullable String idToken;

	/**
	 * Mezon user id (decimal) the id token belongs to.
	 */
	private @Nullable String userId;

	/**
	 * Mezon user name the id token belongs to.
	 */
	private @Nullable String username;

	/**
	 * Whether tokens may travel over plain http/ws to hosts that are not loopback. Only for
	 * self-hosted servers on a trusted network.
	 */
	private boolean allowInsecureTransport;

	/**
	 * Timeout of each REST call, connect and read included.
	 */
	private Duration requestTimeout = Duration.ofSeconds(7);

	/**
	 * Largest REST answer body read; a larger one fails the call (MezonResponseTooLargeException)
	 * instead of filling the heap. Mezon's answers are far smaller.
	 */
	private DataSize maxResponseSize = DataSize.ofMegabytes(16);

	private final Session session = new Session();

	private final Socket socket = new Socket();

	private final Refresh refresh = new Refresh();

	private final SessionStore sessionStore = new SessionStore();

	private final Events events = new Events();

	private final CatchUp catchUp = new CatchUp();

	private final Instances instances = new Instances();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public String getGatewayUrl() {
		return this.gatewayUrl;
	}

	public void setGatewayUrl(String gatewayUrl) {
		this.gatewayUrl = gatewayUrl;
	}

	public String getServerKey() {
		return this.serverKey;
	}

	public void setServerKey(String serverKey) {
		this.serverKey = serverKey;
	}

	public @Nullable String getIdToken() {
		return this.idToken;
	}

	public void setIdToken(@Nullable String idToken) {
		this.idToken = idToken;
	}

	public @Nullable String getUserId() {
		return this.userId;
	}

	public void setUserId(@Nullable String userId) {
		this.userId = userId;
	}

	public @Nullable String getUsername() {
		return this.username;
	}

	public void setUsername(@Nullable String username) {
		this.username = username;
	}

	public boolean isAllowInsecureTransport() {
		return this.allowInsecureTransport;
	}

	public void setAllowInsecureTransport(boolean allowInsecureTransport) {
		this.allowInsecureTransport = allowInsecureTransport;
	}

	public Duration getRequestTimeout() {
		return this.requestTimeout;
	}

	public void setRequestTimeout(Duration requestTimeout) {
		this.requestTimeout = requestTimeout;
	}

	public DataSize getMaxResponseSize() {
		return this.maxResponseSize;
	}

	public void setMaxResponseSize(DataSize maxResponseSize) {
		this.maxResponseSize = maxResponseSize;
	}

	public Session getSession() {
		return this.session;
	}

	public Socket getSocket() {
		return this.socket;
	}

	public Refresh getRefresh() {
		return this.refresh;
	}

	public SessionStore getSessionStore() {
		return this.sessionStore;
	}

	public Events getEvents() {
		return this.events;
	}

	public CatchUp getCatchUp() {
		return this.catchUp;
	}

	public Instances getInstances() {
		return this.instances;
	}

	@Override
	public boolean supports(Class<?> type) {
		return MezonProperties.class.isAssignableFrom(type);
	}

	/**
	 * Checks the bound values; each error's field is the property's name below {@code mezon.} in
	 * its canonical (dashed) form, so Boot's failure report names {@code mezon.<field>}.
	 * @param target the bound properties
	 * @param errors where errors are recorded
	 */
	@Override
	public void validate(Object target, Errors errors) {
		MezonProperties properties = (MezonProperties) target;
		positive(errors, "request-timeout", properties.getRequestTimeout());
		Socket socket = properties.getSocket();
		positive(errors, "socket.heartbeat-interval", socket.getHeartbeatInterval());
		positive(errors, "socket.connect-timeout", socket.getConnectTimeout());
		positive(errors, "socket.request-timeout", socket.getRequestTimeout());
		notNegative(errors, "socket.typing-interval", socket.getTypingInterval());
		Socket.Reconnect reconnect = socket.getReconnect();
		notNegative(errors, "socket.reconnect.initial-backoff", reconnect.getInitialBackoff());
		notNegative(errors, "socket.reconnect.max-backoff", reconnect.getMaxBackoff());
		if (reconnect.getInitialBackoff() != null && reconnect.getMaxBackoff() != null
				&& reconnect.getMaxBackoff().compareTo(reconnect.getInitialBackoff()) < 0) {
			reject(errors, "socket.reconnect.max-backoff", "must not be shorter than mezon.socket.reconnect.initial-backoff");
		}
		if (!(reconnect.getMultiplier() >= 1.0)) {
			reject(errors, "socket.reconnect.multiplier", "must be at least 1");
		}
		if (reconnect.getMaxAttempts() < 0) {
			reject(errors, "socket.reconnect.max-attempts", "must not be negative (0 for unlimited)");
		}
		notNegative(errors, "refresh.before-expiry", properties.getRefresh().getBeforeExpiry());
		positive(errors, "refresh.retry-interval", properties.getRefresh().getRetryInterval());
		if (properties.getEvents().getMaxQueued() < 2) {
			reject(errors, "events.max-queued", "must be at least 2");
		}
		CatchUp catchUp = properties.getCatchUp();
		atLeastOne(errors, "catch-up.max-messages", catchUp.getMaxMessages());
		atLeastOne(errors, "catch-up.page-size", catchUp.getPageSize());
		atLeastOne(errors, "catch-up.dedupe-window", catchUp.getDedupeWindow());
		Instances instances = properties.getInstances();
		notNegative(errors, "instances.lock-wait", instances.getLockWait());
		positive(errors, "instances.lock-ttl", instances.getLockTtl());
		positive(errors, "instances.leader-heartbeat", instances.getLeaderHeartbeat());
		sqlName(errors, "session-store.jdbc.table-name", properties.getSessionStore().getJdbc().getTableName());
		sqlName(errors, "instances.jdbc.table-prefix", instances.getJdbc().getTablePrefix());
	}

	private static void positive(Errors errors, String field, @Nullable Duration value) {
		if (value == null || value.isNegative() || value.isZero()) {
			reject(errors, field, "must be positive");
		}
	}

	private static void notNegative(Errors errors, String field, @Nullable Duration value) {
		if (value == null || value.isNegative()) {
			reject(errors, field, "must not be negative");
		}
	}

	private static void atLeastOne(Errors errors, String field, int value) {
		if (value < 1) {
			reject(errors, field, "must be at least 1");
		}
	}

	private static void sqlName(Errors errors, String field, @Nullable String value) {
		if (value == null || !SQL_NAME.matcher(value).matches()) {
			reject(errors, field, "must be an SQL identifier (letters, digits, underscores; optionally schema.name)");
		}
	}

	private static void reject(Errors errors, String field, String problem) {
		errors.rejectValue(field, "mezon.invalid", "mezon." + field + " " + problem);
	}

	@Override
	public String toString() {
		return "MezonProperties[enabled=" + this.enabled + ", gatewayUrl=" + this.gatewayUrl + ", serverKey="
				+ Secrets.mask(this.serverKey) + ", idToken=" + Secrets.mask(this.idToken) + ", userId=" + this.userId
				+ ", username=" + this.username + ", session=" + this.session + ", sessionStore="
				+ this.sessionStore.getType() + "]";
	}

	/**
	 * An exported session to resume ({@code exportSession()} of this SDK or the TypeScript one).
	 */
	public static class Session {

		/**
		 * Access token (JWT) of the session to resume. A secret.
		 */
		private @Nullable String token;

		/**
		 * Refresh token (JWT) of the session to resume. A secret.
		 */
		private @Nullable String refreshToken;

		/**
		 * REST host of the session to resume ("api_url").
		 */
		private @Nullable String apiUrl;

		/**
		 * Socket host of the session to resume ("ws_url"); derived from the api URL when empty.
		 */
		private @Nullable String wsUrl;

		/**
		 * User id of the session to resume; taken from the token's "uid" claim when empty.
		 */
		private @Nullable String userId;

		public @Nullable String getToken() {
			return this.token;
		}

		public void setToken(@Nullable String token) {
			this.token = token;
		}

		public @Nullable String getRefreshToken() {
			return this.refreshToken;
		}

		public void setRefreshToken(@Nullable String refreshToken) {
			this.refreshToken = refreshToken;
		}

		public @Nullable String getApiUrl() {
			return this.apiUrl;
		}

		public void setApiUrl(@Nullable String apiUrl) {
			this.apiUrl = apiUrl;
		}

		public @Nullable String getWsUrl() {
			return this.wsUrl;
		}

		public void setWsUrl(@Nullable String wsUrl) {
			this.wsUrl = wsUrl;
		}

		public @Nullable String getUserId() {
			return this.userId;
		}

		public void setUserId(@Nullable String userId) {
			this.userId = userId;
		}

		@Override
		public String toString() {
			return "Session[token=" + Secrets.mask(this.token) + ", refreshToken=" + Secrets.mask(this.refreshToken)
					+ ", apiUrl=" + this.apiUrl + ", wsUrl=" + this.wsUrl + ", userId=" + this.userId + "]";
		}

	}

	/**
	 * The real-time socket.
	 */
	public static class Socket {

		/**
		 * Whether to connect the socket when the application starts (and disconnect it on
		 * shutdown). Start-up waits at most the connect timeout; when the server cannot be
		 * reached it goes on and the socket keeps trying in the background.
		 */
		private boolean autoConnect = true;

		/**
		 * Interval between heartbeat pings; a ping unanswered for as long means the connection
		 * is dead.
		 */
		private Duration heartbeatInterval = Duration.ofSeconds(10);

		/**
		 * Timeout of opening the socket.
		 */
		private Duration connectTimeout = Duration.ofSeconds(30);

		/**
		 * Timeout of every request awaiting its reply (send, join, leave), counted from the call
		 * and including any wait for the link while reconnecting.
		 */
		private Duration requestTimeout = Duration.ofSeconds(10);

		/**
		 * Whether the server is a legacy one, expecting the request id ("cid") as a decimal
		 * string rather than an int32.
		 */
		private boolean legacyCid;

		/**
		 * Whether to join the channels the user is added to (e.g. a new DM) as they are
		 * announced.
		 */
		private boolean autoJoinAddedChannels = true;

		/**
		 * DM channel ids to join once connected.
		 */
		private List<String> joinDmChannels = new ArrayList<>();

		/**
		 * Group DM channel ids to join once connected.
		 */
		private List<String> joinGroupChannels = new ArrayList<>();

		/**
		 * Least time between two typing indicators sent on one channel: calls within it send
		 * nothing, so typing can be signalled on every step of a long answer. 0 for no limit.
		 */
		private Duration typingInterval = Duration.ofSeconds(3);

		/**
		 * Largest frame accepted from the server. A larger one is dropped and reported (a WARN and
		 * the error handler); the connection stays up. Costs no memory until such a frame comes.
		 */
		private DataSize maxFrameSize = DataSize.ofMegabytes(8);

		/**
		 * Sends, edits, deletions and reactions let out per second, as Mezon's own SDKs do; more
		 * wait in call order (the wait counts against the request timeout). 0 for no throttle.
		 */
		private double sendRate = 80;

		/**
		 * Most sends waiting for the send throttle; one more fails at once.
		 */
		private int sendQueueCapacity = 1000;

		/**
		 * Whether to ask the server for the bot's DMs and groups (ListChannelDescs) once connected
		 * and after every reconnect, and join those not joined yet: channels created while the bot
		 * was offline or reconnecting. In the background; channels joined before a restart are
		 * rejoined from the session store either way.
		 */
		private boolean listChannelsOnConnect = true;

		public boolean isListChannelsOnConnect() {
			return this.listChannelsOnConnect;
		}

		public void setListChannelsOnConnect(boolean listChannelsOnConnect) {
			this.listChannelsOnConnect = listChannelsOnConnect;
		}

		private final Reconnect reconnect = new Reconnect();

		public DataSize getMaxFrameSize() {
			return this.maxFrameSize;
		}

		public void setMaxFrameSize(DataSize maxFrameSize) {
			this.maxFrameSize = maxFrameSize;
		}

		public double getSendRate() {
			return this.sendRate;
		}

		public void setSendRate(double sendRate) {
			this.sendRate = sendRate;
		}

		public int getSendQueueCapacity() {
			return this.sendQueueCapacity;
		}

		public void setSendQueueCapacity(int sendQueueCapacity) {
			this.sendQueueCapacity = sendQueueCapacity;
		}

		public boolean isAutoConnect() {
			return this.autoConnect;
		}

		public void setAutoConnect(boolean autoConnect) {
			this.autoConnect = autoConnect;
		}

		public Duration getHeartbeatInterval() {
			return this.heartbeatInterval;
		}

		public void setHeartbeatInterval(Duration heartbeatInterval) {
			this.heartbeatInterval = heartbeatInterval;
		}

		public Duration getConnectTimeout() {
			return this.connectTimeout;
		}

		public void setConnectTimeout(Duration connectTimeout) {
			this.connectTimeout = connectTimeout;
		}

		public Duration getRequestTimeout() {
			return this.requestTimeout;
		}

		public void setRequestTimeout(Duration requestTimeout) {
			this.requestTimeout = requestTimeout;
		}

		public boolean isLegacyCid() {
			return this.legacyCid;
		}

		public void setLegacyCid(boolean legacyCid) {
			this.legacyCid = legacyCid;
		}

		public boolean isAutoJoinAddedChannels() {
			return this.autoJoinAddedChannels;
		}

		public void setAutoJoinAddedChannels(boolean autoJoinAddedChannels) {
			this.autoJoinAddedChannels = autoJoinAddedChannels;
		}

		public List<String> getJoinDmChannels() {
			return this.joinDmChannels;
		}

		public void setJoinDmChannels(List<String> joinDmChannels) {
			this.joinDmChannels = joinDmChannels;
		}

		public List<String> getJoinGroupChannels() {
			return this.joinGroupChannels;
		}

		public void setJoinGroupChannels(List<String> joinGroupChannels) {
			this.joinGroupChannels = joinGroupChannels;
		}

		public Duration getTypingInterval() {
			return this.typingInterval;
		}

		public void setTypingInterval(Duration typingInterval) {
			this.typingInterval = typingInterval;
		}

		public Reconnect getReconnect() {
			return this.reconnect;
		}

		/**
		 * Reconnection of a dropped socket, with exponential backoff.
		 */
		public static class Reconnect {

			/**
			 * Whether to reconnect a socket that dropped.
			 */
			private boolean enabled = true;

			/**
			 * Delay before the first reconnection attempt.
			 */
			private Duration initialBackoff = Duration.ofSeconds(1);

			/**
			 * Longest delay between two reconnection attempts.
			 */
			private Duration maxBackoff = Duration.ofSeconds(5);

			/**
			 * Factor the delay grows by after each failed attempt.
			 */
			private double multiplier = 2.0;

			/**
			 * Attempts before giving up; 0 for no limit.
			 */
			private int maxAttempts;

			public boolean isEnabled() {
				return this.enabled;
			}

			public void setEnabled(boolean enabled) {
				this.enabled = enabled;
			}

			public Duration getInitialBackoff() {
				return this.initialBackoff;
			}

			public void setInitialBackoff(Duration initialBackoff) {
				this.initialBackoff = initialBackoff;
			}

			public Duration getMaxBackoff() {
				return this.maxBackoff;
			}

			public void setMaxBackoff(Duration maxBackoff) {
				this.maxBackoff = maxBackoff;
			}

			public double getMultiplier() {
				return this.multiplier;
			}

			public void setMultiplier(double multiplier) {
				this.multiplier = multiplier;
			}

			public int getMaxAttempts() {
				return this.maxAttempts;
			}

			public void setMaxAttempts(int maxAttempts) {
				this.maxAttempts = maxAttempts;
			}

		}

	}

	/**
	 * Proactive session refresh.
	 */
	public static class Refresh {

		/**
		 * Whether to refresh the session before it expires, in the background.
		 */
		private boolean enabled = true;

		/**
		 * How long before the access token expires to refresh it. A token living shorter than
		 * this is refreshed halfway through its remaining life.
		 */
		private Duration beforeExpiry = Duration.ofMinutes(5);

		/**
		 * Delay before trying again after a refresh failed for a reason that may pass (timeout,
		 * server error).
		 */
		private Duration retryInterval = Duration.ofSeconds(30);

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public Duration getBeforeExpiry() {
			return this.beforeExpiry;
		}

		public void setBeforeExpiry(Duration beforeExpiry) {
			this.beforeExpiry = beforeExpiry;
		}

		public Duration getRetryInterval() {
			return this.retryInterval;
		}

		public void setRetryInterval(Duration retryInterval) {
			this.retryInterval = retryInterval;
		}

	}

	/**
	 * Where the session is kept between runs and shared between instances.
	 */
	public static class SessionStore {

		/**
		 * Kind of session store. "auto" picks Redis when a RedisConnectionFactory bean exists,
		 * else JDBC when a DataSource bean exists, else memory.
		 */
		private Type type = Type.MEMORY;

		/**
		 * Key the session is stored under. Defaults to the user id, or "default" when it is not
		 * known before authenticating.
		 */
		private @Nullable String key;

		private final File file = new File();

		private final Jdbc jdbc = new Jdbc();

		private final Redis redis = new Redis();

		public Type getType() {
			return this.type;
		}

		public void setType(Type type) {
			this.type = type;
		}

		public @Nullable String getKey() {
			return this.key;
		}

		public void setKey(@Nullable String key) {
			this.key = key;
		}

		public File getFile() {
			return this.file;
		}

		public Jdbc getJdbc() {
			return this.jdbc;
		}

		public Redis getRedis() {
			return this.redis;
		}

		/**
		 * Kinds of session store.
		 */
		public enum Type {

			/** Pick Redis, else JDBC, else memory, by the beans available. */
			AUTO,

			/** In this JVM's memory: lost on restart. */
			MEMORY,

			/** One JSON file per key, in the TypeScript SDK's export shape. */
			FILE,

			/** A table, through the application's DataSource. */
			JDBC,

			/** A Redis key per session, expiring with the refresh token. */
			REDIS

		}

		/**
		 * File session store.
		 */
		public static class File {

			/**
			 * Directory holding one "<key>.json" file per session; created owner-only.
			 */
			private Path path = Path.of(System.getProperty("user.home"), ".mezon", "sessions");

			public Path getPath() {
				return this.path;
			}

			public void setPath(Path path) {
				this.path = path;
			}

		}

		/**
		 * JDBC session store.
		 */
		public static class Jdbc {

			/**
			 * Name of the table holding the sessions.
			 */
			private String tableName = "mezon_session";

			/**
			 * When to create the table at startup (PostgreSQL and H2 scripts are provided).
			 */
			private InitializeSchema initializeSchema = InitializeSchema.EMBEDDED;

			public String getTableName() {
				return this.tableName;
			}

			public void setTableName(String tableName) {
				this.tableName = tableName;
			}

			public InitializeSchema getInitializeSchema() {
				return this.initializeSchema;
			}

			public void setInitializeSchema(InitializeSchema initializeSchema) {
				this.initializeSchema = initializeSchema;
			}

			/**
			 * When to create the session table.
			 */
			public enum InitializeSchema {

				/** Always (the script only creates the table if it does not exist). */
				ALWAYS,

				/** Only for an embedded database such as H2. */
				EMBEDDED,

				/** Never: the table is managed elsewhere, e.g. by Flyway or Liquibase. */
				NEVER

			}

		}

		/**
		 * Redis session store.
		 */
		public static class Redis {

			/**
			 * Prefix of the Redis keys holding the sessions.
			 */
			private String keyPrefix = "mezon:session:";

			public String getKeyPrefix() {
				return this.keyPrefix;
			}

			public void setKeyPrefix(String keyPrefix) {
				this.keyPrefix = keyPrefix;
			}

		}

	}

	/**
	 * Dispatch of incoming socket events (messages, reactions, channel changes) to handlers.
	 */
	public static class Events {

		/**
		 * Where handlers and event listeners run, and, with virtual threads, where the futures of
		 * sends complete (their callbacks). Unset: virtual threads when
		 * "spring.threads.virtual.enabled" is true (Java 21+), else the socket's own platform
		 * threads (and the SDK's callback pool for futures). Either way one channel's events are
		 * handled one at a time, in order.
		 */
		private @Nullable Executor executor;

		/**
		 * Incoming events that may wait for a handler before the socket stops reading from the
		 * network (the server is then slowed down by TCP); nothing is dropped.
		 */
		private int maxQueued = 1024;

		/**
		 * Whether messages this bot's own user sent (e.g. from another instance or session) are
		 * published too, flagged as from self; likewise its edits, deletions, reactions and
		 * typing. Off so a bot that answers messages cannot loop.
		 */
		private boolean includeOwnMessages;

		/**
		 * Whether incoming events are also published as Spring application events.
		 */
		private boolean publishApplicationEvents = true;

		public @Nullable Executor getExecutor() {
			return this.executor;
		}

		public void setExecutor(@Nullable Executor executor) {
			this.executor = executor;
		}

		public int getMaxQueued() {
			return this.maxQueued;
		}

		public void setMaxQueued(int maxQueued) {
			this.maxQueued = maxQueued;
		}

		public boolean isIncludeOwnMessages() {
			return this.includeOwnMessages;
		}

		public void setIncludeOwnMessages(boolean includeOwnMessages) {
			this.includeOwnMessages = includeOwnMessages;
		}

		public boolean isPublishApplicationEvents() {
			return this.publishApplicationEvents;
		}

		public void setPublishApplicationEvents(boolean publishApplicationEvents) {
			this.publishApplicationEvents = publishApplicationEvents;
		}

		/**
		 * Where event handlers run.
		 */
		public enum Executor {

			/** On the socket's own pool of daemon platform threads. */
			PLATFORM,

			/** On virtual threads (Java 21+; the socket's platform threads on older runtimes). */
			VIRTUAL

		}

	}

	/**
	 * Catch-up of messages missed while the socket was away (reconnects, restarts, fail-over):
	 * after every join and reconnect, what came after the last delivered message of each channel
	 * is read from the history and delivered first, in order, each message once. The last
	 * delivered ids live in the session store (memory, file, JDBC or Redis).
	 */
	public static class CatchUp {

		/**
		 * Whether missed messages are caught up.
		 */
		private boolean enabled = true;

		/**
		 * The most messages read per channel on one catch-up; older missed ones beyond are
		 * skipped (and an error is reported).
		 */
		private int maxMessages = 1000; // CatchUpOptions.DEFAULT_MAX_MESSAGES: a literal, for the metadata

		/**
		 * Messages asked for per ListChannelMessages call.
		 */
		private int pageSize = 100; // CatchUpOptions.DEFAULT_PAGE_SIZE

		/**
		 * How many recent message ids per channel are remembered to drop duplicates.
		 */
		private int dedupeWindow = 1024; // CatchUpOptions.DEFAULT_DEDUPE_WINDOW

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public int getMaxMessages() {
			return this.maxMessages;
		}

		public void setMaxMessages(int maxMessages) {
			this.maxMessages = maxMessages;
		}

		public int getPageSize() {
			return this.pageSize;
		}

		public void setPageSize(int pageSize) {
			this.pageSize = pageSize;
		}

		public int getDedupeWindow() {
			return this.dedupeWindow;
		}

		public void setDedupeWindow(int dedupeWindow) {
			this.dedupeWindow = dedupeWindow;
		}

	}

	/**
	 * Several instances of one bot sharing a session store: refresh coordination through a
	 * Spring Integration LockRegistry, and optionally a single active socket (leader election).
	 */
	public static class Instances {

		/**
		 * Which LockRegistry coordinates refreshes and elects the socket leader. "auto": the
		 * application's LockRegistry bean, else a RedisLockRegistry (Redis session store and
		 * spring-integration-redis) or JdbcLockRegistry (JDBC session store and
		 * spring-integration-jdbc). "none": refreshes are coordinated within this JVM only.
		 */
		private LockRegistryType lockRegistry = LockRegistryType.AUTO;

		/**
		 * How long a refresh waits for the refresh lock held by another instance.
		 */
		private Duration lockWait = Duration.ofSeconds(15);

		/**
		 * How long a lock held by an instance that died stays taken before others may take it
		 * (RedisLockRegistry expiry, DefaultLockRepository time to live). Bounds the fail-over time
		 * of a crashed leader.
		 */
		private Duration lockTtl = Duration.ofSeconds(30);

		/**
		 * Whether only one instance, the leader, connects the socket and delivers messages; the
		 * others take over when it stops or loses its lock. Requires a LockRegistry.
		 */
		private boolean singleActiveSocket;

		/**
		 * How often the leader renews its lock, and how often the others try to take it.
		 */
		private Duration leaderHeartbeat = Duration.ofMillis(500);

		private final Jdbc jdbc = new Jdbc();

		public LockRegistryType getLockRegistry() {
			return this.lockRegistry;
		}

		public void setLockRegistry(LockRegistryType lockRegistry) {
			this.lockRegistry = lockRegistry;
		}

		public Duration getLockWait() {
			return this.lockWait;
		}

		public void setLockWait(Duration lockWait) {
			this.lockWait = lockWait;
		}

		public Duration getLockTtl() {
			return this.lockTtl;
		}

		public void setLockTtl(Duration lockTtl) {
			this.lockTtl = lockTtl;
		}

		public boolean isSingleActiveSocket() {
			return this.singleActiveSocket;
		}

		public void setSingleActiveSocket(boolean singleActiveSocket) {
			this.singleActiveSocket = singleActiveSocket;
		}

		public Duration getLeaderHeartbeat() {
			return this.leaderHeartbeat;
		}

		public void setLeaderHeartbeat(Duration leaderHeartbeat) {
			this.leaderHeartbeat = leaderHeartbeat;
		}

		public Jdbc getJdbc() {
			return this.jdbc;
		}

		/**
		 * The lock table of the auto-configured JdbcLockRegistry.
		 */
		public static class Jdbc {

			/**
			 * Prefix of the lock table ("INT_" gives Spring Integration's INT_LOCK).
			 */
			private String tablePrefix = "INT_";

			/**
			 * When to create the lock table: "embedded" databases only, "always", or "never".
			 */
			private SessionStore.Jdbc.InitializeSchema initializeSchema = SessionStore.Jdbc.InitializeSchema.EMBEDDED;

			public String getTablePrefix() {
				return this.tablePrefix;
			}

			public void setTablePrefix(String tablePrefix) {
				this.tablePrefix = tablePrefix;
			}

			public SessionStore.Jdbc.InitializeSchema getInitializeSchema() {
				return this.initializeSchema;
			}

			public void setInitializeSchema(SessionStore.Jdbc.InitializeSchema initializeSchema) {
				this.initializeSchema = initializeSchema;
			}

		}

		/**
		 * Which LockRegistry coordinates instances.
		 */
		public enum LockRegistryType {

			/** The application's LockRegistry bean, else one matching the session store. */
			AUTO,

			/** None: refreshes are coordinated within this JVM only; no single active socket. */
			NONE

		}

	}

}
