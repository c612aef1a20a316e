package ai.mezon.light.autoconfigure;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.jdbc.EmbeddedDatabaseConnection;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import ai.mezon.light.LightClientOptions;
import ai.mezon.light.autoconfigure.MezonProperties.SessionStore.Type;
import ai.mezon.light.autoconfigure.internal.MezonSchemaInitializers;
import ai.mezon.light.session.FileSessionStore;
import ai.mezon.light.session.InMemorySessionStore;
import ai.mezon.light.session.SessionStore;
import ai.mezon.light.spring.JdbcSessionStore;
import ai.mezon.light.spring.RedisSessionStore;

/**
 * The {@link SessionStore} configurations, imported in order of preference: Redis, JDBC, file,
 * then memory as the fallback. A {@code SessionStore} bean of the application's own always wins.
 */
final class MezonSessionStoreConfigurations {

	private MezonSessionStoreConfigurations() {
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(StringRedisTemplate.class)
	@ConditionalOnSingleCandidate(RedisConnectionFactory.class)
	@Conditional(OnSessionStoreTypeCondition.Redis.class)
	static class RedisStoreConfiguration {

		@Bean
		@ConditionalOnMissingBean(SessionStore.class)
		RedisSessionStore mezonSessionStore(RedisConnectionFactory connectionFactory,
				ObjectProvider<StringRedisTemplate> template, MezonProperties properties, LightClientOptions options) {
			StringRedisTemplate redis = template.getIfUnique(() -> new StringRedisTemplate(connectionFactory));
			return new RedisSessionStore(redis, properties.getSessionStore().getRedis().getKeyPrefix(),
					options.clock());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ JdbcClient.class, EmbeddedDatabaseConnection.class })
	@ConditionalOnSingleCandidate(DataSource.class)
	@Conditional(OnSessionStoreTypeCondition.Jdbc.class)
	// Boot's own mechanism: beans marked as depending on database initialization wait for the
	// script initializers (ours included).
	@Import(DatabaseInitializationDependencyConfigurer.class)
	static class JdbcStoreConfiguration {

		@Bean
		@ConditionalOnMissingBean(SessionStore.class)
		MezonSchemaInitializers.Initializer mezonSessionStoreSchemaInitializer(DataSource dataSource,
				MezonProperties properties) {
			MezonProperties.SessionStore.Jdbc jdbc = properties.getSessionStore().getJdbc();
			return MezonSchemaInitializers.sessionStore(dataSource, jdbc.getTableName(),
					MezonSchemaInitializers.mode(jdbc.getInitializeSchema()));
		}

		@Bean
		@ConditionalOnMissingBean(SessionStore.class)
		@DependsOnDatabaseInitialization
		JdbcSessionStore mezonSessionStore(DataSource dataSource, MezonProperties properties,
				LightClientOptions options) {
			MezonProperties.SessionStore.Jdbc jdbc = properties.getSessionStore().getJdbc();
			return new JdbcSessionStore(JdbcClient.create(dataSource), jdbc.getTableName(), options.clock());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@Conditional(OnSessionStoreTypeCondition.File.class)
	static class FileStoreConfiguration {

		@Bean
		@ConditionalOnMissingBean(SessionStore.class)
		FileSessionStore mezonSessionStore(MezonProperties properties) {
			return new FileSessionStore(properties.getSessionStore().getFile().getPath());
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class FallbackStoreConfiguration {

		@Bean
		@ConditionalOnMissingBean(SessionStore.class)
		InMemorySessionStore mezonSessionStore(MezonProperties properties) {
			Type type = properties.getSessionStore().getType();
			// Falling back to memory silently would lose sessions the user asked to persist.
			if (type == Type.JDBC || type == Type.REDIS) {
				throw new InvalidConfigurationPropertyValueException("mezon.session-store.type", type,
						(type == Type.JDBC) ? "A single DataSource bean and spring-jdbc are required"
								: "A single RedisConnectionFactory bean and spring-data-redis are required");
			}
			return new InMemorySessionStore();
		}

	}

}
