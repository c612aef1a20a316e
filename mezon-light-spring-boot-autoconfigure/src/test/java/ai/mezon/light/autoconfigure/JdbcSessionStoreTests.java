package ai.mezon.light.autoconfigure;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import ai.mezon.light.StoreContract;
import ai.mezon.light.message.ChannelType;
import ai.mezon.light.session.SessionData;
import ai.mezon.light.session.SessionStore;
import ai.mezon.light.spring.JdbcSessionStore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@link JdbcSessionStore} against a real PostgreSQL (container or local) and H2, each test in a
 * table of its own created by the shipped schema script: the {@link StoreContract} every store
 * keeps, unreadable rows included, and what is particular to the tables.
 */
class JdbcSessionStoreTests {

	abstract static class Database extends StoreContract.Corruptible {

		DataSource dataSource;

		String table;

		JdbcSessionStore store;

		abstract DataSource dataSource() throws Exception;

		@BeforeEach
		void createTable() throws Exception {
			this.dataSource = dataSource();
			this.table = TestServices.unique("mezon_session_t");
			JdbcSessionStore.initializeSchema(this.dataSource, this.table);
			// The script only creates a missing table: running it again is harmless.
			JdbcSessionStore.initializeSchema(this.dataSource, this.table);
			this.store = new JdbcSessionStore(JdbcClient.create(this.dataSource), this.table,
					java.time.Clock.systemUTC());
		}

		@AfterEach
		void dropTable() {
			JdbcClient.create(this.dataSource).sql("DROP TABLE " + this.table).update();
			JdbcClient.create(this.dataSource).sql("DROP TABLE " + this.store.getCursorTableName()).update();
			JdbcClient.create(this.dataSource).sql("DROP TABLE " + this.store.getChannelTableName()).update();
		}

		@Override
		protected Object store() {
			return this.store;
		}

		private JdbcClient jdbc() {
			return JdbcClient.create(this.dataSource);
		}

		@Override
		protected void writeUnreadableSession(String key) {
			SessionData data = StoreContract.session("unreadable");
			// A row written by hand or by a broken migration: a version no save ever writes.
			jdbc().sql("INSERT INTO " + this.table + " (session_key, token, refresh_token, api_url, ws_url, user_id, "
					+ "version, updated_at) VALUES (?, ?, ?, ?, ?, ?, -5, ?)")
				.params(key, data.token(), data.refreshToken(), data.apiUrl(), data.wsUrl(), data.userId(),
						OffsetDateTime.now())
				.update();
		}

		@Override
		protected boolean unreadableSessionWasSetAside(String key) {
			return jdbc().sql("SELECT COUNT(*) FROM " + this.table + " WHERE session_key LIKE ? AND version = -5")
				.param(key + ".corrupt-%")
				.query(Long.class)
				.single() == 1L;
		}

		@Override
		protected void writeUnreadableCursors(String scope) {
			jdbc().sql("INSERT INTO " + this.store.getCursorTableName()
					+ " (scope, channel_id, message_id, updated_at) VALUES (?, ?, -1, ?)")
				.params(scope, StoreContract.BASE_ID, OffsetDateTime.now())
				.update();
		}

		@Override
		protected void writeUnreadableChannels(String scope) {
			insertChannel(scope, 77, 99);
		}

		@Override
		protected void addUnreadableChannelEntry(String scope) {
			insertChannel(scope, 12, 1);
			insertChannel(scope, -4, ChannelType.DM.wireType());
		}

		private void insertChannel(String scope, long id, int type) {
			jdbc().sql("INSERT INTO " + this.store.getChannelTableName()
					+ " (scope, channel_id, channel_type, updated_at) VALUES (?, ?, ?, ?)")
				.params(scope, id, type, OffsetDateTime.now())
				.update();
		}

		@Test
		void channelRowsHoldTheWireType() {
			this.store.channelJoined("wire", 5, ChannelType.DM);
			this.store.channelJoined("wire", 6, ChannelType.GROUP);
			assertThat(jdbc().sql("SELECT channel_type FROM " + this.store.getChannelTableName()
					+ " WHERE scope = 'wire' ORDER BY channel_id").query(Integer.class).list()).containsExactly(3, 2);
		}

		@Test
		void rowRecordsVersionAndRefreshExpiry() {
			Instant refreshExpiry = Instant.now().plus(Duration.ofDays(2)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
			SessionData data = TestSessions.session(Instant.now().plus(Duration.ofHours(1)), refreshExpiry);
			this.store.save("row", data, SessionStore.NO_VERSION);
			this.store.save("row", data, 1);
			JdbcClient jdbc = JdbcClient.create(this.dataSource);
			assertThat(jdbc.sql("SELECT version FROM " + this.table + " WHERE session_key = 'row'").query(Long.class)
				.single()).isEqualTo(2L);
			OffsetDateTime stored = jdbc.sql("SELECT refresh_expires_at FROM " + this.table + " WHERE session_key = 'row'")
				.query(OffsetDateTime.class)
				.single();
			assertThat(stored.toInstant()).isEqualTo(refreshExpiry);
		}

	}

	@Nested
	class PostgreSql extends Database {

		@Override
		DataSource dataSource() throws Exception {
			return TestServices.postgres();
		}

	}

	@Nested
	class H2 extends Database {

		@Override
		DataSource dataSource() {
			return TestServices.h2();
		}

	}

	@Test
	void tableNameMustBeAnIdentifier() {
		JdbcClient jdbc = JdbcClient.create(TestServices.h2());
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new JdbcSessionStore(jdbc, "s; DROP TABLE x", java.time.Clock.systemUTC()));
		assertThat(new JdbcSessionStore(jdbc, "app.mezon_session", java.time.Clock.systemUTC()).getTableName())
			.isEqualTo("app.mezon_session");
	}

}
