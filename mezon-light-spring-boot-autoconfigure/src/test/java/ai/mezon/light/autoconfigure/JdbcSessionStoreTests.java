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

import ai.mezon.light.SessionData;
import ai.mezon.light.SessionStore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@link JdbcSessionStore} against a real PostgreSQL (container or local) and H2, each test in a
 * table of its own created by the shipped schema script.
 */
class JdbcSessionStoreTests {

	abstract static class Database extends StoreContract {

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
		}

		@Override
		SessionStore store() {
			return this.store;
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
