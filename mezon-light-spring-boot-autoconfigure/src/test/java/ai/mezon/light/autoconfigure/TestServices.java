package ai.mezon.light.autoconfigure;

import java.util.UUID;

import javax.sql.DataSource;

import com.redis.testcontainers.RedisContainer;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The real PostgreSQL and Redis the store tests run against: Testcontainers when a Docker engine
 * is available, otherwise the services configured by environment variables
 * ({@code MEZON_TEST_PG_URL}, {@code MEZON_TEST_PG_USER}, {@code MEZON_TEST_PG_PASSWORD},
 * {@code MEZON_TEST_REDIS_HOST}, {@code MEZON_TEST_REDIS_PORT}), defaulting to the local ones. The
 * containers are started once per JVM and stopped by Testcontainers' reaper.
 */
public final class TestServices {

	private static Boolean docker;

	private static PostgreSQLContainer postgres;

	private static RedisContainer redis;

	private TestServices() {
	}

	/** @return whether a Docker engine answers (then containers are used) */
	public static synchronized boolean docker() {
		if (docker == null) {
			docker = DockerClientFactory.instance().isDockerAvailable();
		}
		return docker;
	}

	/** @return a DataSource on a real PostgreSQL */
	public static synchronized DataSource postgres() throws Exception {
		return new SimpleDriverDataSource(new org.postgresql.Driver(), postgresUrl(), postgresUser(), postgresPassword());
	}

	/** @return the JDBC URL of a real PostgreSQL (e.g. for a bot started in another JVM) */
	public static synchronized String postgresUrl() {
		return docker() ? startedPostgres().getJdbcUrl() : env("MEZON_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
	}

	/** @return the user of {@link #postgresUrl()} */
	public static synchronized String postgresUser() {
		return docker() ? startedPostgres().getUsername() : env("MEZON_TEST_PG_USER", "postgres");
	}

	/** @return the password of {@link #postgresUrl()} */
	public static synchronized String postgresPassword() {
		return docker() ? startedPostgres().getPassword() : env("MEZON_TEST_PG_PASSWORD", "");
	}

	private static PostgreSQLContainer startedPostgres() {
		if (postgres == null) {
			postgres = new PostgreSQLContainer(DockerImageName.parse("postgres:16-alpine"));
			postgres.start();
		}
		return postgres;
	}

	/** @return a DataSource on a private in-memory H2 database */
	public static DataSource h2() {
		return new SimpleDriverDataSource(new org.h2.Driver(),
				"jdbc:h2:mem:mezon-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
	}

	/** @return the host of a real Redis */
	public static synchronized String redisHost() {
		return docker() ? startedRedis().getRedisHost() : env("MEZON_TEST_REDIS_HOST", "127.0.0.1");
	}

	/** @return the port of a real Redis */
	public static synchronized int redisPort() {
		return docker() ? startedRedis().getRedisPort() : Integer.parseInt(env("MEZON_TEST_REDIS_PORT", "6379"));
	}

	/** @return a started connection factory on a real Redis; destroy it after use */
	public static LettuceConnectionFactory redisConnectionFactory() {
		LettuceConnectionFactory factory = new LettuceConnectionFactory(
				new RedisStandaloneConfiguration(redisHost(), redisPort()));
		factory.afterPropertiesSet();
		factory.start();
		return factory;
	}

	private static RedisContainer startedRedis() {
		if (redis == null) {
			redis = new RedisContainer(DockerImageName.parse("redis:7-alpine"));
			redis.start();
		}
		return redis;
	}

	/** @return a name no other test run uses, for tables and key prefixes */
	public static String unique(String prefix) {
		return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value != null && !value.isBlank()) ? value : fallback;
	}

}
