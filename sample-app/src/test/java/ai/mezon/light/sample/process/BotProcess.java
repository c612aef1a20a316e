package ai.mezon.light.sample.process;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import ai.mezon.light.sample.SampleApplication;

/**
 * The sample echo bot, a real Spring Boot application in its own JVM, in real mode against a
 * test server process: started, killed with {@code kill -9}, started again with the same
 * configuration (and so the same stores).
 */
final class BotProcess implements AutoCloseable {

	private final String name;

	private final List<String> args;

	private JavaProcess process;

	private BotProcess(String name, List<String> args) throws IOException {
		this.name = name;
		this.args = args;
		this.process = launch();
	}

	/**
	 * @param name for logs
	 * @param gatewayUrl the test server
	 * @param botId the bot's user id
	 * @param properties more {@code key=value} properties (the stores)
	 * @return the started bot (the context is up; the socket may still be connecting)
	 */
	static BotProcess start(String name, String gatewayUrl, String botId, String... properties) throws IOException {
		List<String> args = new ArrayList<>(List.of("--mezon.gateway-url=" + gatewayUrl,
				"--mezon.id-token=process-test-id-token", "--mezon.user-id=" + botId, "--mezon.username=" + name,
				"--demo.enabled=false", "--server.port=0", "--spring.main.banner-mode=off",
				"--logging.level.ai.mezon.light=" + System.getProperty("bot.log.level", "INFO")));
		List<String> excluded = new ArrayList<>();
		for (String property : properties) {
			args.add("--" + property);
		}
		// JDBC and Redis are on the test class path: a bot uses them only when its store does.
		if (java.util.Arrays.stream(properties).noneMatch((p) -> p.startsWith("spring.datasource."))) {
			excluded.add("org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration");
		}
		if (java.util.Arrays.stream(properties).noneMatch((p) -> p.startsWith("spring.data.redis."))) {
			excluded.add("org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration");
		}
		if (!excluded.isEmpty()) {
			args.add("--spring.autoconfigure.exclude=" + String.join(",", excluded));
		}
		return new BotProcess(name, args);
	}

	private JavaProcess launch() throws IOException {
		JavaProcess started = JavaProcess.start(this.name, SampleApplication.class, List.of(), this.args);
		started.awaitLine((line) -> line.contains("Started SampleApplication"), Duration.ofSeconds(60));
		return started;
	}

	/** {@code kill -9}: no shutdown, nothing flushed, as a crash. */
	void kill() throws InterruptedException {
		this.process.kill();
	}

	/** Starts again with the same configuration. */
	void startAgain() throws IOException {
		this.process = launch();
	}

	List<String> log() {
		return this.process.lines();
	}

	@Override
	public void close() throws InterruptedException {
		this.process.close();
	}

	@Override
	public String toString() {
		return this.process.toString();
	}

}
