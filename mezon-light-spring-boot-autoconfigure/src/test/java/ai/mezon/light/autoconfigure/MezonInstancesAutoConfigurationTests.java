package ai.mezon.light.autoconfigure;

import java.time.Instant;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.integration.jdbc.lock.JdbcLockRegistry;
import org.springframework.integration.redis.util.RedisLockRegistry;
import org.springframework.integration.support.locks.DefaultLockRegistry;
import org.springframework.integration.support.locks.LockRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;

import ai.mezon.light.CatchUpOptions;
import ai.mezon.light.LightSocket;
import ai.mezon.light.SocketOptions;
import ai.mezon.light.autoconfigure.internal.MezonLocks;
import ai.mezon.light.autoconfigure.internal.SharedSessionRefreshCoordinator;
import ai.mezon.light.autoconfigure.internal.SocketLeadership;
import ai.mezon.light.autoconfigure.internal.SocketLifecycle;
import ai.mezon.light.session.InMemorySessionStore;
import ai.mezon.light.session.RefreshCoordinator;
import ai.mezon.light.session.SessionData;
import ai.mezon.light.session.SessionStore;
import ai.mezon.light.spring.MezonTemplate;

import static ai.mezon.light.autoconfigure.TestSessions.USER_ID;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MezonCatchUpAutoConfiguration} and {@link MezonInstancesAutoConfiguration}:
 * every condition.
 */
class MezonInstancesAutoConfigurationTests {

	private static final SessionData SESSION = TestSessions.fresh(Instant.now());

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MezonAutoConfiguration.class, MezonCatchUpAutoConfiguration.class,
				MezonInstancesAutoConfiguration.class))
		.withPropertyValues("mezon.socket.auto-connect=false", "mezon.session.token=" + SESSION.token(),
				"mezon.session.refresh-token=" + SESSION.refreshToken(), "mezon.session.api-url=" + SESSION.apiUrl(),
				"mezon.session.ws-url=" + SESSION.wsUrl(), "mezon.session.user-id=" + SESSION.userId());

	private static CatchUpOptions catchUpOf(List<LightSocketOptionsCustomizer> customizers) {
		SocketOptions.Builder builder = SocketOptions.builder();
		customizers.forEach((customizer) -> customizer.customize(builder));
		return builder.build().catchUp();
	}

	@Test
	void catchUpIsOnByDefaultWithTheSessionStoreAsCursorStore() {
		this.runner.withPropertyValues("mezon.catch-up.max-messages=50", "mezon.catch-up.page-size=10",
				"mezon.catch-up.dedupe-window=64")
			.run((context) -> {
				CatchUpOptions catchUp = catchUpOf(
						context.getBeanProvider(LightSocketOptionsCustomizer.class).orderedStream().toList());
				assertThat(catchUp).isNotNull();
				assertThat(catchUp.cursorStore()).isSameAs(context.getBean(SessionStore.class));
				assertThat(catchUp.scope()).isEqualTo(USER_ID);
				assertThat(catchUp.maxMessages()).isEqualTo(50);
				assertThat(catchUp.pageSize()).isEqualTo(10);
				assertThat(catchUp.dedupeWindow()).isEqualTo(64);
			});
	}

	@Test
	void catchUpCanBeTurnedOff() {
		this.runner.withPropertyValues("mezon.catch-up.enabled=false")
			.run((context) -> assertThat(
					catchUpOf(context.getBeanProvider(LightSocketOptionsCustomizer.class).orderedStream().toList()))
				.isNull());
	}

	@Test
	void sessionStoreWithoutCursorsFallsBackToMemoryCursors() {
		SessionStore plain = new SessionStore() {

			private final InMemorySessionStore delegate = new InMemorySessionStore();

			@Override
			public java.util.Optional<ai.mezon.light.session.StoredSession> load(String key) {
				return this.delegate.load(key);
			}

			@Override
			public ai.mezon.light.session.StoredSession save(String key, SessionData data, long expectedVersion) {
				return this.delegate.save(key, data, expectedVersion);
			}

			@Override
			public boolean delete(String key) {
				return this.delegate.delete(key);
			}

		};
		this.runner.withBean(SessionStore.class, () -> plain).run((context) -> {
			CatchUpOptions catchUp = catchUpOf(
					context.getBeanProvider(LightSocketOptionsCustomizer.class).orderedStream().toList());
			assertThat(catchUp.cursorStore()).isInstanceOf(InMemorySessionStore.class).isNotSameAs(plain);
		});
	}

	@Test
	void refreshesAreCoordinatedLocallyWithoutALockRegistry() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(SharedSessionRefreshCoordinator.class)
				.doesNotHaveBean(MezonLocks.class)
				.doesNotHaveBean(LockRegistry.class)
				.doesNotHaveBean(SocketLeadership.class);
		});
	}

	@Test
	void anApplicationLockRegistryCoordinatesRefreshes() {
		this.runner.withBean(LockRegistry.class, DefaultLockRegistry::new)
			.run((context) -> assertThat(context).hasSingleBean(MezonLocks.class)
				.hasSingleBean(SharedSessionRefreshCoordinator.class));
	}

	@Test
	void anApplicationRefreshCoordinatorReplacesOurs() {
		RefreshCoordinator own = (current, refresh) -> refresh.get();
		this.runner.withBean(RefreshCoordinator.class, () -> own)
			.run((context) -> assertThat(context).doesNotHaveBean(SharedSessionRefreshCoordinator.class)
				.hasSingleBean(RefreshCoordinator.class));
	}

	@Test
	void lockRegistryNoneUsesNoRegistry() {
		this.runner.withBean(LockRegistry.class, DefaultLockRegistry::new)
			.withPropertyValues("mezon.instances.lock-registry=none")
			.run((context) -> assertThat(context).doesNotHaveBean(MezonLocks.class));
	}

	@Test
	void jdbcSessionStoreBringsAJdbcLockRegistryWithItsTable() {
		DataSource dataSource = TestServices.h2();
		this.runner.withPropertyValues("mezon.session-store.type=jdbc")
			.withBean(DataSource.class, () -> dataSource)
			.run((context) -> {
				assertThat(context).hasSingleBean(JdbcLockRegistry.class).hasSingleBean(MezonLocks.class);
				// H2 is embedded: INT_LOCK was created, and a lock works.
				assertThat(JdbcClient.create(dataSource).sql("SELECT COUNT(*) FROM INT_LOCK").query(Long.class).single())
					.isZero();
				java.util.concurrent.locks.Lock lock = context.getBean(MezonLocks.class).obtain("k");
				assertThat(lock.tryLock()).isTrue();
				lock.unlock();
			});
	}

	@Test
	void jdbcLockRegistryBacksOffWithoutSpringIntegrationJdbc() {
		this.runner.withPropertyValues("mezon.session-store.type=jdbc")
			.withBean(DataSource.class, TestServices::h2)
			.withClassLoader(new FilteredClassLoader(JdbcLockRegistry.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(MezonLocks.class)
				.hasSingleBean(SharedSessionRefreshCoordinator.class));
	}

	@Test
	void redisSessionStoreBringsARedisLockRegistry() {
		this.runner.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class))
			.withPropertyValues("mezon.session-store.type=redis",
					"mezon.session-store.redis.key-prefix=" + TestServices.unique("mezon-test:") + ":",
					"spring.data.redis.host=" + TestServices.redisHost(),
					"spring.data.redis.port=" + TestServices.redisPort())
			.run((context) -> assertThat(context).hasSingleBean(RedisLockRegistry.class).hasSingleBean(MezonLocks.class));
	}

	@Test
	void singleActiveSocketElectsALeaderInsteadOfConnectingAtStart() {
		this.runner
			.withPropertyValues("mezon.socket.auto-connect=true", "mezon.instances.single-active-socket=true",
					"mezon.socket.connect-timeout=1s")
			.withBean(LockRegistry.class, DefaultLockRegistry::new)
			.run((context) -> {
				assertThat(context).hasSingleBean(SocketLeadership.class).doesNotHaveBean(SocketLifecycle.class);
				assertThat(context.getBean(MezonTemplate.class).getSocket())
					.isSameAs(context.getBean(LightSocket.class));
			});
	}

	@Test
	void singleActiveSocketWithoutALockRegistryFailsStartup() {
		this.runner.withPropertyValues("mezon.socket.auto-connect=true", "mezon.instances.single-active-socket=true")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.isInstanceOf(InvalidConfigurationPropertyValueException.class)
					.hasMessageContaining("LockRegistry");
			});
	}

	@Test
	void withoutAutoConnectThereIsNoElection() {
		this.runner.withPropertyValues("mezon.instances.single-active-socket=true")
			.withBean(LockRegistry.class, DefaultLockRegistry::new)
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(SocketLeadership.class));
	}

}
