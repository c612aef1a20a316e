package ai.mezon.light.autoconfigure;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import ai.mezon.light.FileSessionStore;
import ai.mezon.light.InMemorySessionStore;
import ai.mezon.light.LightClient;
import ai.mezon.light.LightClientOptions;
import ai.mezon.light.SessionData;
import ai.mezon.light.SessionStore;
import ai.mezon.light.StoredSession;
import ai.mezon.light.autoconfigure.internal.MezonCredentialsFailureAnalyzer;
import ai.mezon.light.autoconfigure.internal.SessionBootstrapper;
import ai.mezon.light.autoconfigure.internal.SessionRefresher;

import static ai.mezon.light.autoconfigure.TestSessions.USER_ID;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MezonAutoConfiguration}: every condition and override.
 */
class MezonAutoConfigurationTests {

	private static final SessionData SESSION = TestSessions.fresh(Instant.now());

	// No server behind these sessions: the socket stays down (MezonSocketAutoConfigurationTests covers it).
	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MezonAutoConfiguration.class))
		.withPropertyValues("mezon.socket.auto-connect=false");

	private final ApplicationContextRunner withSession = this.runner.withPropertyValues(
			"mezon.session.token=" + SESSION.token(), "mezon.session.refresh-token=" + SESSION.refreshToken(),
			"mezon.session.api-url=" + SESSION.apiUrl(), "mezon.session.ws-url=" + SESSION.wsUrl(),
			"mezon.session.user-id=" + SESSION.userId());

	@Test
	void configuredSessionGivesClientStoreOptionsAndRefresher() {
		this.withSession.run((context) -> {
			assertThat(context).hasSingleBean(LightClient.class)
				.hasSingleBean(InMemorySessionStore.class)
				.hasSingleBean(LightClientOptions.class)
				.hasSingleBean(PropertiesMezonConnectionDetails.class)
				.hasSingleBean(SessionRefresher.class);
			LightClient client = context.getBean(LightClient.class);
			assertThat(client.exportSession()).isEqualTo(SESSION);
			assertThat(context.getBean(SessionStore.class).load(USER_ID)).contains(new StoredSession(SESSION, 1));
			assertThat(context.getBean(SessionRefresher.class).isRunning()).isTrue();
		});
	}

	@Test
	void disabledByProperty() {
		this.withSession.withPropertyValues("mezon.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(LightClient.class)
				.doesNotHaveBean(MezonProperties.class)
				.doesNotHaveBean(SessionStore.class));
	}

	@Test
	void refresherCanBeTurnedOff() {
		this.withSession.withPropertyValues("mezon.refresh.enabled=false")
			.run((context) -> assertThat(context).hasSingleBean(LightClient.class)
				.doesNotHaveBean(SessionRefresher.class));
	}

	@Test
	void missingCredentialsFailStartupWithAnalysis() {
		this.runner.run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = new MezonCredentialsFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis).isNotNull();
			assertThat(analysis.getDescription()).contains("No Mezon credentials are configured");
			assertThat(analysis.getAction()).contains("mezon.id-token", "mezon.user-id", "mezon.username",
					"mezon.session.token", "mezon.session.refresh-token", "mezon.session.api-url", "mezon.enabled=false");
		});
	}

	@Test
	void incompleteIdTokenCredentialsNameTheMissingProperty() {
		this.runner.withPropertyValues("mezon.id-token=very-secret-id-token", "mezon.user-id=" + USER_ID)
			.run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = new MezonCredentialsFailureAnalyzer().analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains("Missing: mezon.username")
					.doesNotContain("very-secret-id-token");
			});
	}

	@Test
	void failureAnalyzerIsRegistered() throws Exception {
		// Loaded as Spring Boot loads it: our analyzer needs no constructor arguments.
		Properties factories = PropertiesLoaderUtils
			.loadProperties(new ClassPathResource("META-INF/spring.factories", MezonAutoConfiguration.class.getClassLoader()));
		assertThat(factories.getProperty(FailureAnalyzer.class.getName()))
			.isEqualTo(MezonCredentialsFailureAnalyzer.class.getName());
	}

	@Test
	void userSessionStoreWins() {
		InMemorySessionStore mine = new InMemorySessionStore();
		this.withSession.withPropertyValues("mezon.session-store.type=file")
			.withBean("mySessionStore", SessionStore.class, () -> mine)
			.run((context) -> {
				assertThat(context).hasSingleBean(SessionStore.class);
				assertThat(context.getBean(SessionStore.class)).isSameAs(mine);
				assertThat(mine.load(USER_ID)).isPresent();
			});
	}

	@Test
	void userLightClientWinsWithoutCredentials() {
		LightClient mine = TestSessions.client(SESSION, LightClientOptions.defaults());
		this.runner.withBean(LightClient.class, () -> mine).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(LightClient.class)).isSameAs(mine);
			assertThat(context).hasSingleBean(SessionRefresher.class);
		});
	}

	@Test
	void userOptionsWin() {
		LightClientOptions mine = LightClientOptions.builder().requestTimeout(Duration.ofSeconds(3)).build();
		this.withSession.withBean(LightClientOptions.class, () -> mine).run((context) -> {
			assertThat(context.getBean(LightClientOptions.class)).isSameAs(mine);
			assertThat(context.getBean(LightClient.class).getOptions()).isSameAs(mine);
		});
	}

	@Test
	void userConnectionDetailsWinOverProperties() {
		SessionData other = TestSessions.fresh(Instant.now());
		MezonConnectionDetails details = new MezonConnectionDetails() {

			@Override
			public SessionData getSession() {
				return other;
			}

		};
		this.withSession.withBean(MezonConnectionDetails.class, () -> details).run((context) -> {
			assertThat(context).doesNotHaveBean(PropertiesMezonConnectionDetails.class);
			assertThat(context.getBean(LightClient.class).exportSession()).isEqualTo(other);
		});
	}

	@Test
	void optionsFollowPropertiesAndCustomizers() {
		Clock clock = Clock.systemUTC();
		AtomicInteger restClientCustomizations = new AtomicInteger();
		this.withSession
			.withPropertyValues("mezon.request-timeout=2500ms", "mezon.allow-insecure-transport=true")
			.withBean(LightClientOptionsCustomizer.class, () -> (builder) -> builder.clock(clock))
			.withBean(MezonRestClientCustomizer.class, () -> (builder) -> restClientCustomizations.incrementAndGet())
			.run((context) -> {
				LightClientOptions options = context.getBean(LightClientOptions.class);
				assertThat(options.requestTimeout()).isEqualTo(Duration.ofMillis(2500));
				assertThat(options.allowInsecureTransport()).isTrue();
				assertThat(options.clock()).isSameAs(clock);
				int before = restClientCustomizations.get();
				assertThat(options.restClientBuilder()).isNotNull();
				assertThat(restClientCustomizations.get()).isEqualTo(before + 1);
			});
	}

	@Test
	void fileStoreSelectedByType(@TempDir Path temp) {
		Path dir = temp.resolve("sessions");
		this.withSession.withPropertyValues("mezon.session-store.type=file", "mezon.session-store.file.path=" + dir)
			.run((context) -> {
				assertThat(context).hasSingleBean(FileSessionStore.class);
				assertThat(Files.readString(dir.resolve(USER_ID + ".json"))).contains("\"refresh_token\"");
			});
	}

	@Test
	void storeKeyProperty() {
		this.withSession.withPropertyValues("mezon.session-store.key=bot-a").run((context) -> {
			assertThat(context.getBean(SessionBootstrapper.class).getKey()).isEqualTo("bot-a");
			assertThat(context.getBean(SessionStore.class).load("bot-a")).isPresent();
		});
	}

	@Test
	void jdbcStoreWhenTypeJdbcAndDataSourceExist() {
		DataSource dataSource = TestServices.h2();
		this.withSession.withPropertyValues("mezon.session-store.type=jdbc")
			.withBean(DataSource.class, () -> dataSource)
			.run((context) -> {
				assertThat(context).hasSingleBean(JdbcSessionStore.class);
				// H2 is embedded: the table was created and the session saved in it.
				assertThat(JdbcClient.create(dataSource).sql("SELECT COUNT(*) FROM mezon_session").query(Long.class).single())
					.isEqualTo(1L);
			});
	}

	@Test
	void jdbcStoreOnPostgresWithAlwaysInitializedCustomTable() throws Exception {
		DataSource dataSource = TestServices.postgres();
		String table = TestServices.unique("mezon_session_ac");
		try {
			this.withSession
				.withPropertyValues("mezon.session-store.type=jdbc", "mezon.session-store.jdbc.table-name=" + table,
						"mezon.session-store.jdbc.initialize-schema=always")
				.withBean(DataSource.class, () -> dataSource)
				.run((context) -> {
					assertThat(context).hasSingleBean(JdbcSessionStore.class);
					assertThat(context.getBean(SessionStore.class).load(USER_ID)).isPresent();
				});
		}
		finally {
			JdbcClient.create(dataSource).sql("DROP TABLE IF EXISTS " + table).update();
		}
	}

	@Test
	void jdbcTypeWithoutDataSourceFailsInsteadOfFallingBackToMemory() {
		this.withSession.withPropertyValues("mezon.session-store.type=jdbc").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).isInstanceOf(BeanCreationException.class)
				.hasRootCauseInstanceOf(InvalidConfigurationPropertyValueException.class);
		});
	}

	@Test
	void memoryIsTheDefaultEvenWithADataSource() {
		this.withSession.withBean(DataSource.class, TestServices::h2)
			.run((context) -> assertThat(context).hasSingleBean(InMemorySessionStore.class));
	}

	@Test
	void autoPicksJdbcWhenOnlyADataSourceExists() {
		this.withSession.withPropertyValues("mezon.session-store.type=auto")
			.withBean(DataSource.class, TestServices::h2)
			.run((context) -> assertThat(context).hasSingleBean(JdbcSessionStore.class));
	}

	@Test
	void autoPicksMemoryWhenNothingElseExists() {
		this.withSession.withPropertyValues("mezon.session-store.type=auto")
			.run((context) -> assertThat(context).hasSingleBean(InMemorySessionStore.class));
	}

	@Test
	void autoPicksRedisWhenARedisConnectionFactoryExists() {
		String prefix = TestServices.unique("mezon-test:") + ":";
		this.withSession.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class))
			.withPropertyValues("mezon.session-store.type=auto", "mezon.session-store.redis.key-prefix=" + prefix,
					"spring.data.redis.host=" + TestServices.redisHost(),
					"spring.data.redis.port=" + TestServices.redisPort())
			.withBean(DataSource.class, TestServices::h2)
			.run((context) -> {
				assertThat(context).hasSingleBean(RedisSessionStore.class);
				StringRedisTemplate redis = context.getBean(StringRedisTemplate.class);
				assertThat(redis.opsForValue().get(prefix + USER_ID)).contains("\"version\":1");
				redis.delete(prefix + USER_ID);
			});
	}

	@Test
	void propertiesAreBound() {
		this.withSession
			.withPropertyValues("mezon.gateway-url=https://gw.example", "mezon.id-token=secret-id-token",
					"mezon.socket.heartbeat-interval=15s", "mezon.socket.join-dm-channels=1,2",
					"mezon.socket.join-group-channels[0]=3", "mezon.socket.reconnect.max-backoff=1m",
					"mezon.socket.reconnect.multiplier=1.5", "mezon.socket.legacy-cid=true",
					"mezon.refresh.before-expiry=10m", "mezon.session-store.file.path=/tmp/mezon-x",
					"mezon.events.executor=virtual", "mezon.events.max-queued=5")
			.run((context) -> {
				MezonProperties properties = context.getBean(MezonProperties.class);
				assertThat(properties.getGatewayUrl()).isEqualTo("https://gw.example");
				assertThat(properties.getRequestTimeout()).isEqualTo(Duration.ofSeconds(7));
				assertThat(properties.getSocket().getHeartbeatInterval()).isEqualTo(Duration.ofSeconds(15));
				assertThat(properties.getSocket().getConnectTimeout()).isEqualTo(Duration.ofSeconds(30));
				assertThat(properties.getSocket().getJoinDmChannels()).containsExactly("1", "2");
				assertThat(properties.getSocket().getJoinGroupChannels()).containsExactly("3");
				assertThat(properties.getSocket().getReconnect().getMaxBackoff()).isEqualTo(Duration.ofMinutes(1));
				assertThat(properties.getSocket().getReconnect().getMultiplier()).isEqualTo(1.5);
				assertThat(properties.getSocket().isLegacyCid()).isTrue();
				assertThat(properties.getRefresh().getBeforeExpiry()).isEqualTo(Duration.ofMinutes(10));
				assertThat(properties.getSessionStore().getFile().getPath()).isEqualTo(Path.of("/tmp/mezon-x"));
				assertThat(properties.getEvents().getExecutor()).isEqualTo(MezonProperties.Events.Executor.VIRTUAL);
				assertThat(properties.getEvents().getMaxQueued()).isEqualTo(5);
				assertThat(properties.toString()).doesNotContain("secret-id-token", SESSION.token(),
						SESSION.refreshToken());
				assertThat(context.getBean(MezonConnectionDetails.class).toString()).doesNotContain("secret-id-token",
						SESSION.token());
			});
	}

	@Test
	void configurationMetadataIsGenerated() throws Exception {
		try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
			assertThat(in).isNotNull();
			String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			assertThat(json).contains("\"name\": \"mezon.id-token\"", "\"name\": \"mezon.session.refresh-token\"",
					"\"name\": \"mezon.socket.heartbeat-interval\"", "\"name\": \"mezon.refresh.before-expiry\"",
					"\"name\": \"mezon.session-store.type\"", "Id token to authenticate with");
		}
	}

}
