package ai.mezon.light.autoconfigure;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.jdbc.init.DataSourceScriptDatabaseInitializer;
import org.springframework.boot.sql.init.DatabaseInitializationMode;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.Environment;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.io.support.SpringFactoriesLoader.ArgumentResolver;
import org.springframework.core.io.support.SpringFactoriesLoader.FailureHandler;
import org.springframework.core.io.support.PropertiesLoaderUtils;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.env.MockEnvironment;

import ai.mezon.light.CatchUpOptions;
import ai.mezon.light.LightClient;
import ai.mezon.light.LightClientOptions;
import ai.mezon.light.autoconfigure.internal.MezonCredentialsFailureAnalyzer;
import ai.mezon.light.autoconfigure.internal.MezonInsecureTransportFailureAnalyzer;
import ai.mezon.light.autoconfigure.internal.MezonJdbcSchemaFailureAnalyzer;
import ai.mezon.light.autoconfigure.internal.MezonSchemaInitializers;
import ai.mezon.light.autoconfigure.internal.MezonSignInFailureAnalyzer;
import ai.mezon.light.autoconfigure.internal.SessionBootstrapper;
import ai.mezon.light.autoconfigure.internal.SessionRefresher;
import ai.mezon.light.autoconfigure.internal.UnknownPropertiesReporter;
import ai.mezon.light.session.FileSessionStore;
import ai.mezon.light.session.InMemorySessionStore;
import ai.mezon.light.session.SessionData;
import ai.mezon.light.session.SessionStore;
import ai.mezon.light.session.StoredSession;
import ai.mezon.light.spring.JdbcSessionStore;
import ai.mezon.light.spring.RedisSessionStore;

import static ai.mezon.light.autoconfigure.TestSessions.USER_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;

/**
 * Tests for {@link MezonAutoConfiguration}: every condition and override.
 */
@ExtendWith(OutputCaptureExtension.class)
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
	void failureAnalyzersAreRegistered() throws Exception {
		// Loaded as Spring Boot loads them: constructors take nothing or the Environment.
		Properties factories = PropertiesLoaderUtils
			.loadProperties(new ClassPathResource("META-INF/spring.factories", MezonAutoConfiguration.class.getClassLoader()));
		assertThat(factories.getProperty(FailureAnalyzer.class.getName()).split(","))
			.containsExactly(MezonCredentialsFailureAnalyzer.class.getName(), MezonSignInFailureAnalyzer.class.getName(),
					MezonInsecureTransportFailureAnalyzer.class.getName(), MezonJdbcSchemaFailureAnalyzer.class.getName());
		// As Boot instantiates them (other modules' analyzers, needing more, are left aside here).
		List<FailureAnalyzer> analyzers = SpringFactoriesLoader.forResourceLocation("META-INF/spring.factories")
			.load(FailureAnalyzer.class, ArgumentResolver.of(Environment.class, new MockEnvironment()),
					FailureHandler.handleMessage((message, failure) -> {
					}));
		assertThat(analyzers).hasAtLeastOneElementOfType(MezonCredentialsFailureAnalyzer.class)
			.hasAtLeastOneElementOfType(MezonSignInFailureAnalyzer.class)
			.hasAtLeastOneElementOfType(MezonInsecureTransportFailureAnalyzer.class)
			.hasAtLeastOneElementOfType(MezonJdbcSchemaFailureAnalyzer.class);
	}

	@Test
	void jdbcSchemaIsCreatedByABootScriptInitializerTheStoreDependsOn() {
		DataSource dataSource = TestServices.h2();
		this.withSession.withPropertyValues("mezon.session-store.type=jdbc")
			.withBean(DataSource.class, () -> dataSource)
			.run((context) -> {
				assertThat(context).hasSingleBean(DataSourceScriptDatabaseInitializer.class);
				MezonSchemaInitializers.Initializer initializer = context
					.getBean(MezonSchemaInitializers.Initializer.class);
				assertThat(initializer.getMode()).isEqualTo(DatabaseInitializationMode.EMBEDDED);
				assertThat(initializer.getLocation()).isEqualTo("classpath:META-INF/mezon-light/schema-@@platform@@.sql");
				String[] dependsOn = context.getBeanFactory().getBeanDefinition("mezonSessionStore").getDependsOn();
				assertThat(dependsOn).contains("mezonSessionStoreSchemaInitializer");
			});
	}

	@Test
	void initializeSchemaNeverCreatesNothingEvenInAnEmbeddedDatabase() {
		DataSource dataSource = TestServices.h2();
		this.withSession.withPropertyValues("mezon.session-store.type=jdbc", "mezon.session-store.jdbc.initialize-schema=never")
			.withBean(DataSource.class, () -> dataSource)
			.run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = new MezonJdbcSchemaFailureAnalyzer(new MockEnvironment())
					.analyze(context.getStartupFailure());
				assertThat(analysis.getAction()).contains("mezon.session-store.jdbc.initialize-schema=always");
			});
	}

	@Test
	void unknownMezonPropertiesAreReportedAtStartUp(CapturedOutput output) {
		this.withSession
			.withPropertyValues("mezon.socket.hearbeat-interval=5s", "mezon.sesion-store.type=jdbc",
					"mezon.socket.heartbeat-interval=5s")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(UnknownPropertiesReporter.class).unknownProperties())
					.satisfiesExactly((first) -> assertThat(first).startsWith("mezon.sesion-store.type"),
							(second) -> assertThat(second).startsWith("mezon.socket.hearbeat-interval"));
			});
		assertThat(output).contains("Unknown Mezon properties, ignored", "mezon.socket.hearbeat-interval",
				"mezon.sesion-store.type").doesNotContain("mezon.socket.heartbeat-interval (from");
	}

	@Test
	void environmentVariablesOfKnownPropertiesAreNotReported() {
		// As the README suggests (MEZON_ID_TOKEN): Boot binds them to the dashed names, yet also sees
		// them as mezon.id.token; only the misspelled one is reported.
		Map<String, Object> variables = Map.of("MEZON_ID_TOKEN", "very-secret-id-token",
				"MEZON_SOCKET_HEARTBEAT_INTERVAL", "5s", "MEZON_SOCKET_HEARBEAT_INTERVAL", "5s");
		this.withSession
			.withInitializer((context) -> context.getEnvironment()
				.getPropertySources()
				.addFirst(new SystemEnvironmentPropertySource("test-" + StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
						variables)))
			.run((context) -> {
				assertThat(context.getBean(MezonProperties.class).getSocket().getHeartbeatInterval())
					.isEqualTo(Duration.ofSeconds(5));
				assertThat(context.getBean(UnknownPropertiesReporter.class).unknownProperties())
					.singleElement(STRING)
					.startsWith("mezon.socket.hearbeat.interval")
					.contains("MEZON_SOCKET_HEARBEAT_INTERVAL");
			});
	}

	@Test
	void noWarningWhenEveryPropertyIsKnown(CapturedOutput output) {
		this.withSession.withPropertyValues("mezon.socket.join-dm-channels[0]=1", "mezon.catch-up.page-size=50")
			.run((context) -> assertThat(context.getBean(UnknownPropertiesReporter.class).unknownProperties())
				.isEmpty());
		assertThat(output).doesNotContain("Unknown Mezon properties");
	}

	@Test
	void catchUpDefaultsAreTheCoreDefaults() {
		// Literals in MezonProperties, so the configuration metadata shows them.
		MezonProperties.CatchUp catchUp = new MezonProperties().getCatchUp();
		assertThat(catchUp.getMaxMessages()).isEqualTo(CatchUpOptions.DEFAULT_MAX_MESSAGES);
		assertThat(catchUp.getPageSize()).isEqualTo(CatchUpOptions.DEFAULT_PAGE_SIZE);
		assertThat(catchUp.getDedupeWindow()).isEqualTo(CatchUpOptions.DEFAULT_DEDUPE_WINDOW);
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
	void restAnswersAreCappedAt16MegabytesByDefault() {
		this.withSession.run((context) -> assertThat(context.getBean(LightClientOptions.class).maxResponseSize())
			.isEqualTo(LightClientOptions.DEFAULT_MAX_RESPONSE_SIZE)
			.isEqualTo(16L * 1024 * 1024));
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
			.withPropertyValues("mezon.request-timeout=2500ms", "mezon.allow-insecure-transport=true",
					"mezon.max-response-size=2MB")
			.withBean(LightClientOptionsCustomizer.class, () -> (builder) -> builder.clock(clock))
			.withBean(MezonRestClientCustomizer.class, () -> (builder) -> restClientCustomizations.incrementAndGet())
			.run((context) -> {
				LightClientOptions options = context.getBean(LightClientOptions.class);
				assertThat(options.requestTimeout()).isEqualTo(Duration.ofMillis(2500));
				assertThat(options.allowInsecureTransport()).isTrue();
				assertThat(options.maxResponseSize()).isEqualTo(2L * 1024 * 1024);
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
		// This module's file: other jars on the class path have one too, and the order varies by JDK.
		Path classes = Path.of(MezonProperties.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		try (InputStream in = Files.newInputStream(classes.resolve("META-INF/spring-configuration-metadata.json"))) {
			assertThat(in).isNotNull();
			String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			assertThat(json).contains("\"name\": \"mezon.id-token\"", "\"name\": \"mezon.session.refresh-token\"",
					"\"name\": \"mezon.socket.heartbeat-interval\"", "\"name\": \"mezon.refresh.before-expiry\"",
					"\"name\": \"mezon.session-store.type\"", "Id token to authenticate with");
		}
	}

}
