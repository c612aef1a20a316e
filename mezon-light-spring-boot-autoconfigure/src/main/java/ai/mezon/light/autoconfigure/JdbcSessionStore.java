package ai.mezon.light.autoconfigure;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.sql.init.DatabaseInitializationMode;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

import ai.mezon.light.DeliveryCursorStore;
import ai.mezon.light.MezonException;
import ai.mezon.light.Session;
import ai.mezon.light.SessionData;
import ai.mezon.light.SessionStore;
import ai.mezon.light.SessionStoreConflictException;
import ai.mezon.light.StoredSession;
import ai.mezon.light.autoconfigure.internal.MezonSchemaInitializers;

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
 * <p>The auto-configuration creates the tables through Boot's database initialization, per
 * {@code mezon.session-store.jdbc.initialize-schema} ({@code embedded} by default, {@code always},
 * {@code never}); scripts for PostgreSQL and H2 are in {@value #SCHEMA_LOCATION}. Without it, call
 * {@link #initializeSchema(DataSource, String)} or use your migration tool.
 */
public class JdbcSessionStore implements SessionStore, DeliveryCursorStore {

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
		return this.jdbc
			.sql("SELECT token, refresh_token, api_url, ws_url, user_id, version FROM " + this.tableName
					+ " WHERE session_key = ?")
			.param(key)
			.query((rs, row) -> new StoredSession(new SessionData(rs.getString(1), rs.getString(2), rs.getString(3),
					rs.getString(4), rs.getString(5)), rs.getLong(6)))
			.optional();
	}

	@Override
	public StoredSession save(String key, SessionData data, long expectedVersion) {
		StoredSession next = new StoredSession(data, expectedVersion + 1);
		OffsetDateTime now = OffsetDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC);
		OffsetDateTime refreshExpiresAt = refreshExpiry(data);
		if (expectedVersion == SessionStore.NO_VERSION) {
			try {
				this.jdbc.sql("INSERT INTO " + this.tableName + " (session_key, token, refresh_token, api_url, ws_url, "
						+ "user_id, version, refresh_expires_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
					.params(key, data.token(), data.refreshToken(), data.apiUrl(), data.wsUrl(), data.userId(),
							next.version(), refreshExpiresAt, now)
					.update();
				return next;
			}
			catch (DuplicateKeyException ex) {
				throw conflict(key, expectedVersion);
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

	private SessionStoreConflictException conflict(String key, long expectedVersion) {
		long found = load(key).map(StoredSession::version).orElse(SessionStore.NO_VERSION);
		return new SessionStoreConflictException(key, expectedVersion, found);
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
		return this.jdbc.sql("SELECT message_id FROM " + getCursorTableName() + " WHERE scope = ? AND channel_id = ?")
			.params(scope, channelId)
			.query(Long.class)
			.optional()
			.map(OptionalLong::of)
			.orElse(OptionalLong.empty());
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

	@Override
	public String toString() {
		return "JdbcSessionStore[table=" + this.tableName + "]";
	}

}
