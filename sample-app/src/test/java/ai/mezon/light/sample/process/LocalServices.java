package ai.mezon.light.sample.process;

/**
 * Where the bot processes find PostgreSQL and Redis: the machine's own services (no Docker engine
 * here), overridable with the {@code MEZON_TEST_POSTGRES} ({@code host:port}) and
 * {@code MEZON_TEST_REDIS_HOST} / {@code MEZON_TEST_REDIS_PORT} environment variables.
 */
final class LocalServices {

	private LocalServices() {
	}

	static String postgresHostPort() {
		return env("MEZON_TEST_POSTGRES", "127.0.0.1:5432");
	}

	static String redisHost() {
		return env("MEZON_TEST_REDIS_HOST", "127.0.0.1");
	}

	static String redisPort() {
		return env("MEZON_TEST_REDIS_PORT", "6379");
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value != null && !value.isBlank()) ? value : fallback;
	}

}
