package ai.mezon.light.sample.process;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ai.mezon.light.autoconfigure.TestServices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A bot survives what production does to it, with real processes: the sample bot (a Boot
 * application in its own JVM) killed with {@code kill -9} and started again, for each store
 * (file, JDBC on PostgreSQL, Redis), keeps answering in the same DM and answers what was sent
 * while it was down, each message once and in order; a Mezon server restarted on the same port
 * with its state gone is recovered from by signing in again.
 */
class BotRestartProcessTests {

	/** Bounds every wait; reached only when something is broken. */
	private static final Duration WAIT = Duration.ofSeconds(60);

	@TempDir
	Path dir;

	private TestServerProcess server;

	private BotProcess bot;

	private ChatUser user;

	@AfterEach
	void stop() throws InterruptedException {
		if (this.user != null) {
			this.user.close();
		}
		if (this.bot != null) {
			this.bot.close();
		}
		if (this.server != null) {
			this.server.close();
		}
	}

	@Test
	void fileStore() throws Exception {
		restartKeepsTheConversation("mezon.session-store.type=file",
				"mezon.session-store.file.path=" + this.dir.resolve("sessions"));
	}

	@Test
	void jdbcStoreOnPostgreSql() throws Exception {
		restartKeepsTheConversation("mezon.session-store.type=jdbc",
				"spring.datasource.url=" + TestServices.postgresUrl(),
				"spring.datasource.username=" + TestServices.postgresUser(),
				"spring.datasource.password=" + TestServices.postgresPassword(), "mezon.session-store.jdbc.initialize-schema=always");
	}

	@Test
	void redisStore() throws Exception {
		restartKeepsTheConversation("mezon.session-store.type=redis",
				"spring.data.redis.host=" + TestServices.redisHost(),
				"spring.data.redis.port=" + TestServices.redisPort());
	}

	@Test
	void aCorruptStoredSessionDoesNotStopTheBot() throws Exception {
		Path sessions = this.dir.resolve("sessions");
		String botId = newId();
		this.server = TestServerProcess.start();
		this.bot = BotProcess.start("bot", this.server.gatewayUrl(), botId, "mezon.session-store.type=file",
				"mezon.session-store.file.path=" + sessions);
		this.user = ChatUser.openDm(this.server.gatewayUrl(), newId(), botId);
		this.user.say("hello");
		awaitEchoes("hello");

		this.bot.kill();
		// The stored session cut short, as a crash in the middle of a write would leave it; the cursors
		// and channels beside it are intact.
		Path session = sessions.resolve(botId + ".json");
		byte[] bytes = Files.readAllBytes(session);
		Files.write(session, java.util.Arrays.copyOf(bytes, bytes.length / 2));
		this.user.say("while the store was broken");
		this.bot.startAgain();

		awaitEchoes("hello", "while the store was broken");
		this.user.say("after");
		awaitEchoes("hello", "while the store was broken", "after");
		try (var files = Files.list(sessions)) {
			// Set aside for a post-mortem, never deleted.
			assertThat(files.map((f) -> f.getFileName().toString())).anyMatch((name) -> name.contains(".corrupt-"));
		}
	}

	@Test
	void aServerRestartedWithItsStateGoneIsRecoveredFromWithinSeconds() throws Exception {
		String botId = newId();
		this.server = TestServerProcess.start();
		this.bot = BotProcess.start("bot", this.server.gatewayUrl(), botId, "mezon.session-store.type=file",
				"mezon.session-store.file.path=" + this.dir.resolve("sessions"));
		this.user = ChatUser.openDm(this.server.gatewayUrl(), newId(), botId);
		this.user.say("before");
		awaitEchoes("before");

		this.server.kill();
		this.user.close();
		this.server.startAgain();
		long back = System.nanoTime();
		// A new server knows nobody: the user signs in again and opens a new DM with the bot, which
		// the bot can only know of by signing in again itself (its tokens are dead there).
		this.user = ChatUser.openDm(this.server.gatewayUrl(), newId(), botId);
		this.user.say("are you back?");
		awaitEchoes("are you back?");
		Duration recovery = this.user.since(back);
		System.out.printf("Recovery after the server restart: %d ms from the server answering again to the bot's answer%n",
				recovery.toMillis());
		assertThat(this.bot.log()).noneMatch((line) -> line.contains("process-test-id-token"));
	}

	@Test
	void aMessageOverTheBotsFrameLimitCostsNoOtherAnswer() throws Exception {
		String botId = newId();
		this.server = TestServerProcess.start();
		this.bot = BotProcess.start("bot", this.server.gatewayUrl(), botId, "mezon.socket.max-frame-size=3KB");
		this.user = ChatUser.openDm(this.server.gatewayUrl(), newId(), botId);
		this.user.say("small-1");
		awaitEchoes("small-1");

		// Within Mezon's content limit (4,000 units), over the bot's frame limit (3 KiB).
		this.user.say("x".repeat(3_900));
		for (int i = 2; i <= 6; i++) {
			this.user.say("small-" + i);
		}

		awaitEchoes("small-1", "small-2", "small-3", "small-4", "small-5", "small-6");
		assertThat(this.bot.log()).anyMatch((line) -> line.contains("WARN") && line.contains("Dropped message")
				&& line.contains("over the limit of 3072 bytes"));
		assertThat(this.bot.log()).noneMatch((line) -> line.contains("RECONNECTING"));
	}

	@Test
	void killingTheLeaderHandsItsRunTimeChannelsToTheNextInstance() throws Exception {
		String botId = newId();
		this.server = TestServerProcess.start();
		String[] properties = { "mezon.session-store.type=redis", "spring.data.redis.host=" + TestServices.redisHost(),
				"spring.data.redis.port=" + TestServices.redisPort(), "mezon.instances.single-active-socket=true",
				"mezon.instances.leader-heartbeat=200ms", "mezon.instances.lock-ttl=2s",
				// The channel must come back from the store the leader wrote, not from the server's list.
				"mezon.socket.list-channels-on-connect=false" };
		this.bot = BotProcess.start("leader", this.server.gatewayUrl(), botId, properties);
		// The DM is created after the bot connected: a channel joined at run time (auto-join).
		this.user = ChatUser.openDm(this.server.gatewayUrl(), newId(), botId);
		this.user.say("hello");
		awaitEchoes("hello");
		try (BotProcess follower = BotProcess.start("follower", this.server.gatewayUrl(), botId, properties)) {
			this.bot.kill();
			this.user.say("after the leader died");

			awaitEchoes("hello", "after the leader died");
			this.user.say("and again");
			awaitEchoes("hello", "after the leader died", "and again");
		}
	}

	private void restartKeepsTheConversation(String... storeProperties) throws Exception {
		String botId = newId();
		this.server = TestServerProcess.start();
		this.bot = BotProcess.start("bot", this.server.gatewayUrl(), botId, storeProperties);
		this.user = ChatUser.openDm(this.server.gatewayUrl(), newId(), botId);
		this.user.say("hello");
		awaitEchoes("hello");

		this.bot.kill();
		for (int i = 1; i <= 3; i++) {
			this.user.say("while down " + i);
		}
		this.bot.startAgain();

		awaitEchoes("hello", "while down 1", "while down 2", "while down 3");
		this.user.say("after the restart");
		awaitEchoes("hello", "while down 1", "while down 2", "while down 3", "after the restart");
	}

	/** Waits until the bot has answered exactly these, in this order (each once). */
	private void awaitEchoes(String... said) {
		List<String> expected = IntStream.range(0, said.length).mapToObj((i) -> "echo: " + said[i]).toList();
		await("the bot answers " + expected).atMost(WAIT)
			.pollInterval(Duration.ofMillis(100))
			.until(() -> this.user.fromBot().size() >= expected.size());
		assertThat(this.user.fromBot()).containsExactlyElementsOf(expected);
	}

	private static String newId() {
		return Long.toString(ThreadLocalRandom.current().nextLong(1_000_000_000_000_000L, 9_000_000_000_000_000L));
	}

}
