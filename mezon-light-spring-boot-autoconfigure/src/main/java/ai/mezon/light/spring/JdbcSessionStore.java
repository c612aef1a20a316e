package ai.mezon.light.spring;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.sql.init.DatabaseInitializationMode;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

import ai.mezon.light.MezonException;
import ai.mezon.light.autoconfigure.internal.MezonSchemaInitializers;
import ai.mezon.light.message.ChannelType;
import ai.mezon.light.session.DeliveryCursorStore;
import ai.mezon.light.session.JoinedChannelStore;
import ai.mezon.light.session.Session;
import ai.mezon.light.session.SessionData;
import ai.mezon.light.session.SessionStore;
import ai.mezon.light.session.SessionStoreConflictException;
import ai.mezon.light.session.StoredSession;

/**
 * A {@link SessionStore} in a database table, through Spring's {@link JdbcClient}; one row per
 * key. The compare-and-set is the database's: the first save is an {@code INSERT} (a duplicate key
 * means another writer was first), later ones an {@code UPDATE ... WHERE version = ?} that a stale
 * writer finds matching no row.
 *
 * <p>As a {@link DeliveryCursorStore} it keeps the last delivered message id per scope and channel
 * in a second table, {@code <table>_cursor}; an advance is an {@code UPDATE ... WHERE message_id < ?}
 * (so a cursor never moves back, whatever the number of writers), or an {@code INSERT} for a new
 * channel.
 *
 * <p>As a {@link JoinedChannelStore} it keeps the joined channels per scope in a third table,
 * {@code <table>_channel} ({@code channel_type} is the wire type: 3 DM, 2 group).
 *
 * <p>A row that cannot be what it should (a session whose {@code version} is below 1, a cursor at
 * an id below 1, a channel of a type the light client does not speak) never stops the application:
 * it is logged as a WARN naming the store and the key and read as absent. An unreadable session
 * row is set aside, renamed to {@code <key>.corrupt-<UTC timestamp>} (kept for a post-mortem), so
 * the next save can insert a fresh one.
 *
 * <p>The auto-configuration creates the tables through Boot's database initialization, per
 * {@code mezon.session-store.jdbc.initialize-schema} ({@code embedded} by default, {@code always},
 * {@code never}); scripts for PostgreSQL and H2 are in {@value #SCHEMA_LOCATION}. Without it, call
 * {@link #initializeSchema(DataSource, String)} or use your migration tool.
 */
public class JdbcSessionStore implements SessionStore, DeliveryCursorStore, JoinedChannelStore {

	private static final Logger logger = LoggerFactory.getLogger(JdbcSessionStore.class);

	private static final DateTimeFormatter CORRUPT_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'");

	/** The default table name. */
	public static final String DEFAULT_TABLE_NAME = "mezon_session";

	/** Where the schema scripts are; {@code @@platform@@} is the database's id, e.g. {@code h2}. */
	public static final String SCHEMA_LOCATION = MezonSchemaInitializers.SESSION_SCHEMA_LOCATION;

	// The table name is put into SQL text: accept identifiers only, optionally schema-qualified.
	private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?");

	private final JdbcClient jdbc;

	private final String tableName;

	private final Clock clock;

	/**
	 * A store in {@value #DEFAULT_TABLE_NAME}.
	 * @param jdbc the client
	 */
	public JdbcSessionStore(JdbcClient jdbc) {
		this(jdbc, DEFAULT_TABLE_NAME, Clock.systemUTC());
	}

	/**
	 * @param jdbc the client
	 * @param tableName the table, an SQL identifier
	 * @param clock the clock of {@code updated_at}
	 */
	public JdbcSessionStore(JdbcClient jdbc, String tableName, Clock clock) {
		this.jdbc = jdbc;
		this.tableName = checkTableName(tableName);
		this.clock = clock;
	}

	private static String checkTableName(String tableName) {
		if (!TABLE_NAME.matcher(tableName).matches()) {
			throw new IllegalArgumentException("Invalid session table name: " + tableName);
		}
		return tableName;
	}

	/**
	 * Creates the session table if it does not exist, with the script for the database's
	 * platform.
	 * @param dataSource the database
	 * @param tableName the table name
	 * @throws IllegalStateException when no script exists for the database
	 */
	public static void initializeSchema(DataSource dataSource, String tableName) {
		checkTableName(tableName);
		// The auto-configuration's own initializer (Boot's script mechanism), run once, now.
		MezonSchemaInitializers.sessionStore(dataSource, tableName, DatabaseInitializationMode.ALWAYS)
			.initializeDatabase();
	}

	/** @return the table name */
	public String getTableName() {
		return this.tableName;
	}

	@Override
	public Optional<StoredSession> load(String key) {
		return Optional.ofNullable(read(key));
	}

	/** @return the stored session, or {@code null} when none is stored or the row was unreadable (set aside) */
	private @Nullable StoredSession read(String key) {
		Optional<Row> row = this.jdbc
			.sql("SELECT token, refresh_token, api_url, ws_url, user_id, version FROM " + this.tableName
					+ " WHERE session_key = ?")
			.param(key)
			.query((rs, n) -> new Row(new SessionData(rs.getString(1), rs.getString(2), rs.getString(3),
					rs.getString(4), rs.getString(5)), rs.getLong(6)))
			.optional();
		if (row.isEmpty()) {
			return null;
		}
		if (row.get().version() < 1) {
			setAside(key, row.get().version());
			return null;
		}
		return new StoredSession(row.get().data(), row.get().version());
	}

	/** Renames an unreadable session row, so the key is free for a fresh one and the row is kept. */
	private void setAside(String key, long version) {
		String stamp = OffsetDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC).format(CORRUPT_STAMP);
		String aside = ((key.length() > 200) ? key.substring(0, 200) : key) + ".corrupt-" + stamp;
		// Only that very row: another writer may have replaced it with a good one since.
		int moved = this.jdbc
			.sql("UPDATE " + this.tableName + " SET session_key = ? WHERE session_key = ? AND version = ?")
			.params(aside, key, version)
			.update();
		if (moved > 0) {
			logger.warn("{}: the session stored under key '{}' is unreadable (version {}); set aside as key '{}', "
					+ "reading it as absent", this, key, version, aside);
		}
	}

	private record Row(SessionData data, long version) {
	}

	@Override
	public StoredSession save(String key, SessionData data, long expectedVersion) {
		StoredSession next = new StoredSession(data, expectedVersion + 1);
		OffsetDateTime now = OffsetDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC);
		OffsetDateTime refreshExpiresAt = refreshExpiry(data);
		if (expectedVersion == SessionStore.NO_VERSION) {
			try {
				insert(key, data, next, refreshExpiresAt, now);
				return next;
			}
			catch (DuplicateKeyException ex) {
				// An unreadable row in the way is set aside by read(): then the key is free.
				if (read(key) != null) {
					throw conflict(key, expectedVersion);
				}
				try {
					insert(key, data, next, refreshExpiresAt, now);
					return next;
				}
				catch (DuplicateKeyException again) {
					throw conflict(key, expectedVersion);
				}
			}
		}
		int updated = this.jdbc.sql("UPDATE " + this.tableName + " SET token = ?, refresh_token = ?, api_url = ?, "
				+ "ws_url = ?, user_id = ?, version = ?, refresh_expires_at = ?, updated_at = ? "
				+ "WHERE session_key = ? AND version = ?")
			.params(data.token(), data.refreshToken(), data.apiUrl(), data.wsUrl(), data.userId(), next.version(),
					refreshExpiresAt, now, key, expectedVersion)
			.update();
		if (updated != 1) {
			throw conflict(key, expectedVersion);
		}
		return next;
	}

	private void insert(String key, SessionData data, StoredSession next, @Nullable OffsetDateTime refreshExpiresAt,
			OffsetDateTime now) {
		this.jdbc.sql("INSERT INTO " + this.tableName + " (session_key, token, refresh_token, api_url, ws_url, "
				+ "user_id, version, refresh_expires_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(key, data.token(), data.refreshToken(), data.apiUrl(), data.wsUrl(), data.userId(),
					next.version(), refreshExpiresAt, now)
			.update();
	}

	private SessionStoreConflictException conflict(String key, long expectedVersion) {
		StoredSession found = read(key);
		return new SessionStoreConflictException(key, expectedVersion,
				(found != null) ? found.version() : SessionStore.NO_VERSION);
	}

	/** For housekeeping queries (delete rows whose refresh token is dead); null when unreadable. */
	private static @Nullable OffsetDateTime refreshExpiry(SessionData data) {
		try {
			Instant expiry = Session.restore(data).getRefreshExpiresAt();
			return OffsetDateTime.ofInstant(expiry, ZoneOffset.UTC);
		}
		catch (MezonException ex) {
			return null;
		}
	}

	@Override
	public boolean delete(String key) {
		return this.jdbc.sql("DELETE FROM " + this.tableName + " WHERE session_key = ?").param(key).update() > 0;
	}

	/** @return the table of the delivery cursors: the session table's name plus {@code _cursor} */
	public String getCursorTableName() {
		return this.tableName + "_cursor";
	}

	@Override
	public OptionalLong lastDelivered(String scope, long channelId) {
		Optional<Long> id = this.jdbc
			.sql("SELECT message_id FROM " + getCursorTableName() + " WHERE scope = ? AND channel_id = ?")
			.params(scope, channelId)
			.query(Long.class)
			.optional();
		if (id.isPresent() && id.get() < 1) {
			logger.warn("{}: ignoring the unreadable delivery cursor of scope '{}', channel {} (message id {})", this,
					scope, channelId, id.get());
			return OptionalLong.empty();
		}
		return id.map(OptionalLong::of).orElse(OptionalLong.empty());
	}

	@Override
	public void advance(String scope, long channelId, long messageId) {
		OffsetDateTime now = OffsetDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC);
		if (moveForward(scope, channelId, messageId, now) > 0) {
			return;
		}
		try {
			this.jdbc.sql("INSERT INTO " + getCursorTableName()
					+ " (scope, channel_id, message_id, updated_at) VALUES (?, ?, ?, ?)")
				.params(scope, channelId, messageId, now)
				.update();
		}
		catch (DuplicateKeyException ex) {
			// The row exists: its id is already larger, or another writer inserted a smaller one just now.
			moveForward(scope, channelId, messageId, now);
		}
	}

	private int moveForward(String scope, long channelId, long messageId, OffsetDateTime now) {
		return this.jdbc.sql("UPDATE " + getCursorTableName()
				+ " SET message_id = ?, updated_at = ? WHERE scope = ? AND channel_id = ? AND message_id < ?")
			.params(messageId, now, scope, channelId, messageId)
			.update();
	}

	/** @return the table of the joined channels: the session table's name plus {@code _channel} */
	public String getChannelTableName() {
		return this.tableName + "_channel";
	}

	@Override
	public Map<Long, ChannelType> joinedChannels(String scope) {
		TreeMap<Long, ChannelType> joined = new TreeMap<>();
		this.jdbc.sql("SELECT channel_id, channel_type FROM " + getChannelTableName() + " WHERE scope = ?")
			.param(scope)
			.query((rs) -> {
				long id = rs.getLong(1);
				int type = rs.getInt(2);
				ChannelType kind = channelType(type);
				if (id < 1 || kind == null) {
					logger.warn("{}: ignoring an unreadable joined channel of scope '{}' (channel {}, type {})", this,
							scope, id, type);
				}
				else {
					joined.put(id, kind);
				}
			});
		return Collections.unmodifiableMap(joined);
	}

	private static @Nullable ChannelType channelType(int wireType) {
		for (ChannelType type : ChannelType.values()) {
			if (type.wireType() == wireType) {
				return type;
			}
		}
		return null;
	}

	@Override
	public void channelJoined(String scope, long channelId, ChannelType type) {
		if (channelId <= 0) {
			throw new IllegalArgumentException("A channel id is positive, was " + channelId);
		}
		OffsetDateTime now = OffsetDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC);
		if (updateChannel(scope, channelId, type, now) > 0) {
			return;
		}
		try {
			this.jdbc.sql("INSERT INTO " + getChannelTableName()
					+ " (scope, channel_id, channel_type, updated_at) VALUES (?, ?, ?, ?)")
				.params(scope, channelId, type.wireType(), now)
				.update();
		}
		catch (DuplicateKeyException ex) {
			// Another writer inserted it just now: record our type over it.
			updateChannel(scope, channelId, type, now);
		}
	}

	private int updateChannel(String scope, long channelId, ChannelType type, OffsetDateTime now) {
		return this.jdbc.sql("UPDATE " + getChannelTableName()
				+ " SET channel_type = ?, updated_at = ? WHERE scope = ? AND channel_id = ?")
			.params(type.wireType(), now, scope, channelId)
			.update();
	}

	@Override
	public void channelLeft(String scope, long channelId) {
		this.jdbc.sql("DELETE FROM " + getChannelTableName() + " WHERE scope = ? AND channel_id = ?")
			.params(scope, channelId)
			.update();
	}

	@Override
	public String toString() {
		return "JdbcSessionStore[table=" + this.tableName + "]";
	}

}
