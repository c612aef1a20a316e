package ai.mezon.light.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

import ai.mezon.light.test.MezonTestServer;
import ai.mezon.light.test.MezonTestServerExtension;
import ai.mezon.light.test.TestChannel;
import ai.mezon.light.test.TestUser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Nothing missed, nothing twice: messages sent while the bot's socket was disconnected, or while
 * the application was stopped, are published exactly once and in order when it comes back, from
 * the cursors in a file store and in PostgreSQL.
 */
class MezonCatchUpIntegrationTests {

	private static final Duration WAIT = Duration.ofSeconds(15);

	private static MezonTestServer server;

	private final List<BotInstance> instances = new ArrayList<>();

	@TempDir
	Path sessions;

	private TestUser bot;

	private TestUser alice;

	private TestChannel dm;

	/** Starts the server before the class's tests and closes it after them. */
	@RegisterExtension
	static final MezonTestServerExtension mezon = new MezonTestServerExtension();

	@BeforeAll
	static void server() {
		server = mezon.get();
	}

	@BeforeEach
	void createUsers() {
		this.bot = server.createUser("bot");
		this.alice = server.createUser("alice");
		this.dm = server.createDm(this.alice, this.bot);
	}

	@AfterEach
	void closeInstances() {
		this.instances.forEach(BotInstance::close);
		server.resetFaults();
	}

	private BotInstance start(DataSource dataSource, String... properties) {
		List<String> all = new ArrayList<>(List.of("mezon.socket.join-dm-channels=" + this.dm.idString()));
		all.addAll(List.of(properties));
		BotInstance instance = BotInstance.start(server, this.bot, dataSource, all.toArray(String[]::new));
		this.instances.add(instance);
		await().atMost(WAIT).until(() -> instance.socket().getJoinedChannels().contains(this.dm.idString()));
		return instance;
	}

	private BotInstance startWithFileStore() {
		return start(null, "mezon.session-store.type=file", "mezon.session-store.file.path=" + this.sessions);
	}

	private List<String> send(int count, String prefix) {
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			ids.add(server.sendAs(this.alice, this.dm, prefix + i).messageId());
		}
		return ids;
	}

	@Test
	void messagesSentWhileDisconnectedArePublishedOnceInOrder() {
		BotInstance app = startWithFileStore();
		List<String> expected = new ArrayList<>(send(2, "before "));
		await().atMost(WAIT).until(() -> app.received.messageIds.size() == 2);

		int losses = app.received.losses.get();
		server.refuseNextHandshakes(2);
		server.dropConnections(this.bot);
		await().atMost(WAIT).until(() -> app.received.losses.get() > losses);
		expected.addAll(send(5, "while disconnected "));
		await().atMost(WAIT).until(() -> app.socket().isConnected());
		expected.addAll(send(2, "after "));

		await().atMost(WAIT).until(() -> app.received.messageIds.size() >= expected.size());
		assertThat(app.received.messageIds).containsExactlyElementsOf(expected);
	}

	@Test
	void messagesSentWhileStoppedArePublishedOnceInOrderAfterARestartWithAFileStore() {
		restartScenario(this::startWithFileStore);
	}

	@Test
	void messagesSentWhileStoppedArePublishedOnceInOrderAfterARestartWithPostgreSql() throws Exception {
		DataSource postgres = TestServices.postgres();
		String table = TestServices.unique("mezon_session_c");
		try {
			restartScenario(() -> start(postgres, "mezon.session-store.type=jdbc",
					"mezon.session-store.jdbc.table-name=" + table, "mezon.session-store.jdbc.initialize-schema=always",
					// spring-integration-jdbc is on the class path: the lock table comes with the JDBC store.
					"mezon.instances.jdbc.table-prefix=" + table + "_", "mezon.instances.jdbc.initialize-schema=always"));
			// The cursor is in the database, where the next start (or another instance) finds it. It
			// advances after the listeners ran, so the last one may still be on its way.
			long last = Long.parseLong(server.messages(this.dm).get(server.messages(this.dm).size() - 1).messageId());
			await().atMost(WAIT).untilAsserted(() -> assertThat(JdbcClient.create(postgres)
				.sql("SELECT message_id FROM " + table + "_cursor WHERE scope = ? AND channel_id = ?")
				.params(this.bot.idString(), this.dm.id())
				.query(Long.class)
				.single()).isEqualTo(last));
		}
		finally {
			this.instances.forEach(BotInstance::close);
			JdbcClient.create(postgres).sql("DROP TABLE IF EXISTS " + table).update();
			JdbcClient.create(postgres).sql("DROP TABLE IF EXISTS " + table + "_cursor").update();
			JdbcClient.create(postgres).sql("DROP TABLE IF EXISTS " + table + "_channel").update();
			JdbcClient.create(postgres).sql("DROP TABLE IF EXISTS " + table + "_LOCK").update();
		}
	}

	private void restartScenario(java.util.function.Supplier<BotInstance> starter) {
		BotInstance first = starter.get();
		List<String> firstRun = send(3, "first run ");
		await().atMost(WAIT).until(() -> first.received.messageIds.size() == 3);
		first.close();

		List<String> whileStopped = send(4, "while stopped ");
		BotInstance second = starter.get();
		List<String> secondRun = send(2, "second run ");

		List<String> expected = new ArrayList<>(whileStopped);
		expected.addAll(secondRun);
		await().atMost(WAIT).until(() -> second.received.messageIds.size() >= expected.size());
		assertThat(second.received.messageIds).containsExactlyElementsOf(expected);
		assertThat(first.received.messageIds).containsExactlyElementsOf(firstRun);
	}

}
