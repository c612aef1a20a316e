package ai.mezon.light.autoconfigure;

import java.time.Duration;

import javax.sql.DataSource;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.integration.jdbc.lock.DefaultLockRepository;
import org.springframework.integration.jdbc.lock.JdbcLockRegistry;
import org.springframework.integration.redis.util.RedisLockRegistry;
import org.springframework.integration.support.locks.LockRegistry;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

import ai.mezon.light.LightClient;
import ai.mezon.light.LightSocket;
import ai.mezon.light.SocketOptions;
import ai.mezon.light.autoconfigure.internal.MezonLocks;
import ai.mezon.light.autoconfigure.internal.MezonSchemaInitializers;
import ai.mezon.light.autoconfigure.internal.SendingSocketRouter;
import ai.mezon.light.autoconfigure.internal.SessionBootstrapper;
import ai.mezon.light.autoconfigure.internal.SessionRefresher;
import ai.mezon.light.autoconfigure.internal.SharedSessionRefreshCoordinator;
import ai.mezon.light.autoconfigure.internal.SocketLeadership;
import ai.mezon.light.autoconfigure.internal.SocketLifecycle;
import ai.mezon.light.session.RefreshCoordinator;
import ai.mezon.light.session.SessionStore;
import ai.mezon.light.spring.JdbcSessionStore;
import ai.mezon.light.spring.MezonTemplate;
import ai.mezon.light.spring.RedisSessionStore;

/**
 * {@link AutoConfiguration Auto-configuration} for several instances of one bot sharing a
 * session store ({@code mezon.instances.*}).
 * <ul>
 * <li>Refresh coordination, always: every refresh goes through a
 * {@link SharedSessionRefreshCoordinator}, which reloads the store and adopts a session another
 * instance refreshed rather than spending a rotated refresh token, under a lock shared by the
 * instances when a Spring Integration {@link LockRegistry} is available.</li>
 * <li>The lock registry ({@code lock-registry=auto}): the application's {@code LockRegistry}
 * bean, else a {@link RedisLockRegistry} when the session store is Redis and
 * {@code spring-integration-redis} is present, else a {@link JdbcLockRegistry} when it is JDBC and
 * {@code spring-integration-jdbc} is present (lock table created per
 * {@code mezon.instances.jdbc.initialize-schema}).</li>
 * <li>{@code single-active-socket=true}: leader election ({@link SocketLeadership}); only the
 * leader connects the socket; {@link MezonTemplate} sends of the others go through a send-only
 * socket.</li>
 * </ul>
 */
@AutoConfiguration(after = MezonAutoConfiguration.class)
@ConditionalOnBean({ LightClient.class, SessionBootstrapper.class })
public final class MezonInstancesAutoConfiguration {

	static final String REFRESH_LOCK_PREFIX = "mezon-refresh:";

	static final String LEADER_ROLE_PREFIX = "mezon-socket:";

	@Bean
	@ConditionalOnMissingBean(RefreshCoordinator.class)
	SharedSessionRefreshCoordinator mezonRefreshCoordinator(LightClient client, SessionStore store,
			SessionBootstrapper bootstrapper, MezonProperties properties, ObjectProvider<MezonLocks> locks) {
		MezonLocks shared = locks.getIfUnique();
		String key = REFRESH_LOCK_PREFIX + bootstrapper.getKey();
		return new SharedSessionRefreshCoordinator(store, bootstrapper, (shared != null) ? () -> shared.obtain(key) : null,
				properties.getInstances().getLockWait(), client.getOptions().clock());
	}

	/** Hands the coordinator (ours or the application's) to the client before anything refreshes. */
	@Bean
	InitializingBean mezonRefreshCoordinatorInstaller(LightClient client, ObjectProvider<RefreshCoordinator> coordinator) {
		return () -> coordinator.ifUnique(client::setRefreshCoordinator);
	}

	/** {@code single-active-socket} needs a lock registry: say so instead of connecting everywhere. */
	@Bean
	@ConditionalOnBooleanProperty("mezon.instances.single-active-socket")
	@ConditionalOnBooleanProperty(name = "mezon.socket.auto-connect", matchIfMissing = true)
	@ConditionalOnMissingBean(SendingSocketRouter.class)
	SendingSocketRouter mezonMissingLockRegistry(MezonProperties properties) {
		throw new InvalidConfigurationPropertyValueException("mezon.instances.single-active-socket", true,
				"Leader election needs a Spring Integration LockRegistry: a LockRegistry bean, or a Redis or JDBC "
						+ "session store with spring-integration-redis or spring-integration-jdbc on the class path "
						+ "(and mezon.instances.lock-registry not 'none')");
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(LockRegistry.class)
	@ConditionalOnProperty(name = "mezon.instances.lock-registry", havingValue = "auto", matchIfMissing = true)
	static class LockRegistryConfiguration {

		@Bean
		@ConditionalOnSingleCandidate(LockRegistry.class)
		MezonLocks mezonLocks(LockRegistry<?> registry) {
			return registry::obtain;
		}

		@Bean
		@ConditionalOnSingleCandidate(LockRegistry.class)
		@ConditionalOnBooleanProperty("mezon.instances.single-active-socket")
		@ConditionalOnBooleanProperty(name = "mezon.socket.auto-connect", matchIfMissing = true)
		SocketLeadership mezonSocketLeadership(LockRegistry<?> registry, LightSocket socket, LightClient client,
				SessionBootstrapper bootstrapper, MezonProperties properties, ObjectProvider<SessionRefresher> refresher) {
			MezonProperties.Socket config = properties.getSocket();
			SocketLifecycle lifecycle = new SocketLifecycle(socket, config.getJoinDmChannels(),
					config.getJoinGroupChannels(), config.getConnectTimeout(), config.getRequestTimeout(),
					refresher.getIfAvailable());
			MezonProperties.Socket.Reconnect reconnect = config.getReconnect();
			// Joins nothing and catches nothing up: it only sends, so it never delivers a message twice.
			SocketOptions sendOnly = SocketOptions.builder()
				.heartbeatInterval(config.getHeartbeatInterval())
				.connectTimeout(config.getConnectTimeout())
				.requestTimeout(config.getRequestTimeout())
				.legacyCid(config.isLegacyCid())
				.autoJoin(false)
				.reconnectBackoff(reconnect.getInitialBackoff(), reconnect.getMaxBackoff(), reconnect.getMultiplier())
				.build();
			return new SocketLeadership(socket, lifecycle, registry, LEADER_ROLE_PREFIX + bootstrapper.getKey(),
					properties.getInstances().getLeaderHeartbeat(), () -> client.createSocket(sendOnly));
		}

		@Configuration(proxyBeanMethods = false)
		@ConditionalOnClass(RedisLockRegistry.class)
		@ConditionalOnBean(RedisSessionStore.class)
		@ConditionalOnSingleCandidate(RedisConnectionFactory.class)
		@ConditionalOnMissingBean(LockRegistry.class)
		static class RedisLocks {

			/** Lock keys are {@code mezon-locks:<key>} in Redis. */
			@Bean
			RedisLockRegistry mezonLockRegistry(RedisConnectionFactory connectionFactory, MezonProperties properties) {
				return new RedisLockRegistry(connectionFactory, "mezon-locks", properties.getInstances().getLockTtl());
			}

		}

		@Configuration(proxyBeanMethods = false)
		@ConditionalOnClass(JdbcLockRegistry.class)
		@ConditionalOnBean(JdbcSessionStore.class)
		@ConditionalOnSingleCandidate(DataSource.class)
		@ConditionalOnMissingBean(LockRegistry.class)
		@Import(DatabaseInitializationDependencyConfigurer.class)
		static class JdbcLocks {

			@Bean
			@ConditionalOnMissingBean(DefaultLockRepository.class)
			MezonSchemaInitializers.Initializer mezonLockTableSchemaInitializer(DataSource dataSource,
					MezonProperties properties) {
				MezonProperties.Instances.Jdbc jdbc = properties.getInstances().getJdbc();
				return MezonSchemaInitializers.lockTable(dataSource, jdbc.getTablePrefix(),
						MezonSchemaInitializers.mode(jdbc.getInitializeSchema()));
			}

			@Bean
			@ConditionalOnMissingBean
			@DependsOnDatabaseInitialization
			DefaultLockRepository mezonLockRepository(DataSource dataSource, MezonProperties properties,
					ObjectProvider<PlatformTransactionManager> transactionManager) {
				MezonProperties.Instances.Jdbc jdbc = properties.getInstances().getJdbc();
				DefaultLockRepository repository = new DefaultLockRepository(dataSource);
				repository.setPrefix(jdbc.getTablePrefix());
				repository.setTimeToLive((int) Math.min(Integer.MAX_VALUE, properties.getInstances().getLockTtl().toMillis()));
				// Its own transactions on the DataSource unless the application has one manager.
				repository.setTransactionManager(transactionManager.getIfUnique(() -> new DataSourceTransactionManager(dataSource)));
				return repository;
			}

			@Bean
			JdbcLockRegistry mezonLockRegistry(DefaultLockRepository repository, MezonProperties properties) {
				JdbcLockRegistry registry = new JdbcLockRegistry(repository, properties.getInstances().getLockTtl());
				registry.setIdleBetweenTries(Duration.ofMillis(50));
				return registry;
			}

		}

	}

}
