package ai.mezon.light.autoconfigure.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Set;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import ai.mezon.light.LightClient;
import ai.mezon.light.autoconfigure.MezonConnectionDetails;
import ai.mezon.light.autoconfigure.TestServices;
import ai.mezon.light.session.FileSessionStore;
import ai.mezon.light.session.SessionData;
import ai.mezon.light.session.SessionStore;
import ai.mezon.light.session.StoredSession;
import ai.mezon.light.spring.JdbcSessionStore;
import ai.mezon.light.spring.RedisSessionStore;
import ai.mezon.light.test.MezonTestServer;
import ai.mezon.light.test.MezonTestServerExtension;
import ai.mezon.light.test.TestUser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nothing stored stops a bot from starting when an id token is configured: for each backend, with a
 * real file, a real Redis and a real PostgreSQL, a corrupt or unusable stored session is logged
 * (WARN naming the store and key), set aside or ignored, the bot signs in at the test server's
 * gateway, works, and its new session replaces the bad one in the store.
 */
@ExtendWith(OutputCaptureExtension.class)
class CorruptStoreStartUpIntegrationTests {

	@RegisterExtension
	static MezonTestServerExtension server = new MezonTestServerExtension();

	private static final String KEY = "bot";

	private @Nullable Runnable cleanUp;

	/** The PostgreSQL tables of this test, set by {@link #postgresStore()}. */
	private @Nullable JdbcClient jdbc;

	/** The key prefix of this test's Redis keys, set by {@link #redis()}. */
	private String redisPrefix = "";

	@AfterEach
	void clean() {
		if (this.cleanUp != null) {
			this.cleanUp.run();
		}
	}

	private LightClient start(SessionStore store, TestUser user) {
		MezonConnectionDetails details = new MezonConnectionDetails() {

			@Override
			public String getGatewayUrl() {
				return server.get().baseUrl();
			}

			@Override
			public String getServerKey() {
				return server.get().serverKey();
			}

			@Override
			public String getIdToken() {
				return MezonTestServer.TEST_ID_TOKEN;
			}

			@Override
			public String getUserId() {
				return user.idString();
			}

			@Override
			public String getUsername() {
				return user.username();
			}

		};
		SessionBootstrapper bootstrapper = new SessionBootstrapper(details, store, KEY, server.get().clientOptions(),
				ClientFactory.DEFAULT);
		LightClient client = bootstrapper.bootstrap();
		assertThat(bootstrapper.getSource()).isEqualTo(SessionBootstrapper.Source.AUTHENTICATION);
		// It works: a REST call with the new session succeeds.
		assertThat(client.listDirectChannels()).isEmpty();
		return client;
	}

	/** A session of the user, issued by the server, whose socket host is not a URL. */
	/** A store on fresh tables of a real PostgreSQL, dropped after the test; {@link #jdbc} reaches them. */
	private JdbcSessionStore postgresStore() throws Exception {
		DataSource dataSource = TestServices.postgres();
		String table = TestServices.unique("mezon_corrupt_t");
		JdbcSessionStore.initializeSchema(dataSource, table);
		JdbcClient jdbc = JdbcClient.create(dataSource);
		JdbcSessionStore store = new JdbcSessionStore(jdbc, table, Clock.systemUTC());
		this.jdbc = jdbc;
		this.cleanUp = () -> {
			jdbc.sql("DROP TABLE " + table).update();
			jdbc.sql("DROP TABLE " + store.getCursorTableName()).update();
			jdbc.sql("DROP TABLE " + store.getChannelTableName()).update();
		};
		return store;
	}

	/** A template on a real Redis; its keys (under {@link #redisPrefix}) are deleted after the test. */
	private StringRedisTemplate redis() {
		LettuceConnectionFactory factory = TestServices.redisConnectionFactory();
		StringRedisTemplate redis = new StringRedisTemplate(factory);
		redis.afterPropertiesSet();
		String prefix = TestServices.unique("mezon-corrupt:") + ":";
		this.redisPrefix = prefix;
		this.cleanUp = () -> {
			Set<String> keys = redis.keys(prefix + "*");
			if (keys != null && !keys.isEmpty()) {
				redis.delete(keys);
			}
			factory.destroy();
		};
		return redis;
	}

	private static SessionData badHost(TestUser user, String wsUrl) {
		SessionData issued = server.get().issueSession(user);
		return new SessionData(issued.token(), issued.refreshToken(), issued.apiUrl(), wsUrl, issued.userId());
	}

	@Test
	void fileTruncatedSessionIsSetAsideAndReplaced(@TempDir Path directory, CapturedOutput output) throws Exception {
		FileSessionStore store = new FileSessionStore(directory);
		Files.writeString(store.fileFor(KEY), "{\"token\":\"eyJhbGciOiJIUzI1NiJ9.eyJ1aWQ");
		LightClient client = start(store, server.get().createUser("file-bot"));
		assertThat(store.load(KEY)).contains(new StoredSession(client.exportSession(), 1));
		try (Stream<Path> files = Files.list(directory)) {
			assertThat(files.map((p) -> p.getFileName().toString())).anyMatch((n) -> n.startsWith("bot.json.corrupt-"));
		}
		assertThat(output.getOut()).contains("WARN").contains(store.toString()).contains("key 'bot'");
	}

	@Test
	void fileSessionWithPort99999IsIgnoredAndReplaced(@TempDir Path directory, CapturedOutput output) {
		FileSessionStore store = new FileSessionStore(directory);
		TestUser user = server.get().createUser("file-port-bot");
		store.save(KEY, badHost(user, "ws://127.0.0.1:99999"), SessionStore.NO_VERSION);
		LightClient client = start(store, user);
		assertThat(store.load(KEY)).contains(new StoredSession(client.exportSession(), 2));
		assertThat(output.getOut()).contains("WARN").contains("key 'bot'").contains("ws://127.0.0.1:99999");
	}

	@Test
	void redisHalfWrittenValueIsSetAsideAndReplaced(CapturedOutput output) {
		StringRedisTemplate redis = redis();
		RedisSessionStore store = new RedisSessionStore(redis, this.redisPrefix, Clock.systemUTC());
		redis.opsForValue().set(store.redisKey(KEY), "{\"token\":\"eyJhbGciOiJIUzI1NiJ9\",\"refresh_tok");
		LightClient client = start(store, server.get().createUser("redis-bot"));
		assertThat(store.load(KEY)).contains(new StoredSession(client.exportSession(), 1));
		assertThat(redis.keys(store.redisKey(KEY) + ".corrupt-*")).hasSize(1);
		assertThat(output.getOut()).contains("WARN").contains(store.toString()).contains("key 'bot'");
	}

	@Test
	void redisSessionWithAJavascriptSocketUrlIsIgnoredAndReplaced(CapturedOutput output) {
		StringRedisTemplate redis = redis();
		RedisSessionStore store = new RedisSessionStore(redis, this.redisPrefix, Clock.systemUTC());
		TestUser user = server.get().createUser("redis-js-bot");
		// Written raw, as an older version or another tool would: the store itself refuses to save a
		// session whose hosts are not URLs (its time to live comes from the restored session).
		redis.opsForValue().set(store.redisKey(KEY), new StoredSession(badHost(user, "javascript:alert(1)"), 1).toJson());
		LightClient client = start(store, user);
		assertThat(store.load(KEY)).contains(new StoredSession(client.exportSession(), 2));
		assertThat(output.getOut()).contains("WARN").contains("javascript:alert(1)");
	}

	@Test
	void postgresRowWithVersionMinusFiveIsSetAsideAndReplaced(CapturedOutput output) throws Exception {
		JdbcSessionStore store = postgresStore();
		JdbcClient jdbc = this.jdbc;
		String table = store.getTableName();
		TestUser user = server.get().createUser("pg-bot");
		SessionData issued = server.get().issueSession(user);
		jdbc.sql("INSERT INTO " + table + " (session_key, token, refresh_token, api_url, ws_url, user_id, version, "
				+ "updated_at) VALUES (?, ?, ?, ?, ?, ?, -5, ?)")
			.params(KEY, issued.token(), issued.refreshToken(), issued.apiUrl(), issued.wsUrl(), issued.userId(),
					OffsetDateTime.now())
			.update();
		LightClient client = start(store, user);
		assertThat(store.load(KEY)).contains(new StoredSession(client.exportSession(), 1));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE session_key LIKE 'bot.corrupt-%'")
			.query(Long.class)
			.single()).isEqualTo(1L);
		assertThat(output.getOut()).contains("WARN").contains(store.toString()).contains("key 'bot'");
	}

	@Test
	void postgresSessionWithPort99999IsIgnoredAndReplaced(CapturedOutput output) throws Exception {
		JdbcSessionStore store = postgresStore();
		TestUser user = server.get().createUser("pg-port-bot");
		store.save(KEY, badHost(user, "wss://ws.example:99999"), SessionStore.NO_VERSION);
		LightClient client = start(store, user);
		assertThat(store.load(KEY)).contains(new StoredSession(client.exportSession(), 2));
		assertThat(output.getOut()).contains("WARN").contains("wss://ws.example:99999");
	}

}
