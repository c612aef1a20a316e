package ai.mezon.light.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Lock;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.integration.redis.util.RedisLockRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;

import ai.mezon.light.ConnectionState;
import ai.mezon.light.autoconfigure.internal.SocketLeadership;
import ai.mezon.light.message.MessageAck;
import ai.mezon.light.test.MezonTestServer;
import ai.mezon.light.test.MezonTestServerExtension;
import ai.mezon.light.test.TestChannel;
import ai.mezon.light.test.TestUser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Several instances of one bot in one JVM, sharing a session store in PostgreSQL or Redis:
 * refreshes coordinated so no refresh token is spent twice, and one active socket by leader
 * election with fail-over that delivers every message exactly once across the instances.
 */
class MezonInstancesIntegrationTests {

	private static final Duration WAIT = Duration.ofSeconds(20);

	private static MezonTestServer server;

	private final List<BotInstance> instances = new ArrayList<>();

	private final List<Runnable> cleanups = new ArrayList<>();

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
	void cleanUp() {
		this.instances.forEach(BotInstance::close);
		this.cleanups.forEach(Runnable::run);
		server.setTokenLifetime(Duration.ofHours(1));
	}

	private BotInstance start(DataSource dataSource, List<String> properties) {
		BotInstance instance = BotInstance.start(server, this.bot, dataSource, properties.toArray(String[]::new));
		this.instances.add(instance);
		return instance;
	}

	private List<String> postgresStore() {
		String table = TestServices.unique("mezon_session_i");
		String lockPrefix = TestServices.unique("mezon_i") + "_";
		this.cleanups.add(() -> {
			try {
				JdbcClient jdbc = JdbcClient.create(TestServices.postgres());
				jdbc.sql("DROP TABLE IF EXISTS " + table).update();
				jdbc.sql("DROP TABLE IF EXISTS " + table + "_cursor").update();
				jdbc.sql("DROP TABLE IF EXISTS " + table + "_channel").update();
				jdbc.sql("DROP TABLE IF EXISTS " + lockPrefix + "LOCK").update();
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		});
		return List.of("mezon.session-store.type=jdbc", "mezon.session-store.jdbc.table-name=" + table,
				"mezon.session-store.jdbc.initialize-schema=always", "mezon.instances.jdbc.table-prefix=" + lockPrefix,
				"mezon.instances.jdbc.initialize-schema=always");
	}

	private List<String> redisStore() {
		return List.of("mezon.session-store.type=redis",
				"mezon.session-store.redis.key-prefix=" + TestServices.unique("mezon-test:") + ":");
	}

	private static List<String> with(List<String> base, String... more) {
		List<String> all = new ArrayList<>(base);
		all.addAll(List.of(more));
		return all;
	}

	@Test
	void twoInstancesSharingPostgreSqlRefreshManyTimesWithoutSpendingARefreshTokenTwice() throws Exception {
		refreshScenario(TestServices.postgres(), postgresStore());
	}

	@Test
	void twoInstancesSharingRedisRefreshManyTimesWithoutSpendingARefreshTokenTwice() {
		refreshScenario(null, redisStore());
	}

	private void refreshScenario(DataSource dataSource, List<String> store) {
		// Two-second tokens, refreshed one second before expiry: a refresh about every second.
		server.setTokenLifetime(Duration.ofSeconds(2));
		List<String> properties = with(store, "mezon.refresh.before-expiry=1s", "mezon.refresh.retry-interval=200ms");
		BotInstance a = start(dataSource, properties);
		BotInstance b = start(dataSource, properties);
		int refreshesBefore = server.refreshCount();

		// Both keep working throughout: socket sends and REST calls with their current token.
		await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> {
			for (BotInstance instance : List.of(a, b)) {
				instance.template().sendDM(this.dm.idString(), "still here").join();
				instance.template().getClient().listChannelMessages(this.dm.idString(), 1);
			}
			return server.refreshCount() >= refreshesBefore + 8;
		});

		assertThat(server.refusedRefreshCount()).as("refresh tokens spent twice").isZero();
		for (BotInstance instance : List.of(a, b)) {
			assertThat(instance.received.expired).isEmpty();
			assertThat(instance.received.reauthentications()).isZero();
			// Each instance moved to newer sessions, by refreshing or by adopting the other's.
			assertThat(instance.received.refreshed).isNotEmpty();
		}
	}

	@Test
	void theLeaderAloneDeliversAndAnotherTakesOverWithEveryMessageDeliveredExactlyOnce() throws Exception {
		List<String> properties = with(postgresStore(), "mezon.instances.single-active-socket=true",
				"mezon.instances.leader-heartbeat=200ms", "mezon.socket.join-dm-channels=" + this.dm.idString());
		DataSource postgres = TestServices.postgres();
		BotInstance a = start(postgres, properties);
		await().atMost(WAIT).until(() -> a.bean(SocketLeadership.class).isLeader()
				&& a.socket().getJoinedChannels().contains(this.dm.idString()));
		BotInstance b = start(postgres, properties);
		assertThat(b.bean(SocketLeadership.class).isLeader()).isFalse();

		List<String> expected = new CopyOnWriteArrayList<>();
		for (int i = 0; i < 3; i++) {
			expected.add(server.sendAs(this.alice, this.dm, "to the leader " + i).messageId());
		}
		await().atMost(WAIT).until(() -> a.received.messageIds.size() == 3);

		// A send from the instance that is not the leader goes through its send-only socket.
		MessageAck fromFollower = b.template().sendDM(this.dm.idString(), "sent by the follower").join();
		assertThat(server.messages(this.dm)).anyMatch((m) -> m.messageId().equals(fromFollower.messageId()));
		assertThat(b.socket().getState()).isEqualTo(ConnectionState.DISCONNECTED);

		// Messages keep coming while the leader shuts down and the other takes over.
		AtomicBoolean sending = new AtomicBoolean(true);
		Thread sender = new Thread(() -> {
			int i = 0;
			while (sending.get()) {
				expected.add(server.sendAs(this.alice, this.dm, "during fail-over " + i++).messageId());
				try {
					// Pacing only; nothing is asserted on time.
					Thread.sleep(20);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		});
		sender.start();
		try {
			await().atMost(WAIT).until(() -> a.received.messageIds.size() >= 6);
			a.close();
			await().atMost(WAIT).until(() -> b.bean(SocketLeadership.class).isLeader() && b.socket().isConnected());
			await().atMost(WAIT).until(() -> b.received.messageIds.size() >= 5);
		}
		finally {
			sending.set(false);
			sender.join();
		}

		// Each message once, and in order: the old leader's prefix, then the new leader's rest.
		await().atMost(WAIT).untilAsserted(() -> {
			List<String> delivered = new ArrayList<>(a.received.messageIds);
			delivered.addAll(b.received.messageIds);
			assertThat(delivered).containsExactlyElementsOf(expected);
		});
	}

	@Test
	void theLeaderReleasesItsLockOnGracefulShutdown() {
		List<String> properties = with(redisStore(), "mezon.instances.single-active-socket=true",
				"mezon.instances.lock-ttl=60s");
		BotInstance leader = start(null, properties);
		await().atMost(WAIT).until(() -> leader.bean(SocketLeadership.class).isLeader());
		LettuceConnectionFactory connectionFactory = TestServices.redisConnectionFactory();
		this.cleanups.add(connectionFactory::destroy);
		RedisLockRegistry other = new RedisLockRegistry(connectionFactory, "mezon-locks", Duration.ofSeconds(60));
		Lock role = other.obtain(MezonInstancesAutoConfiguration.LEADER_ROLE_PREFIX + this.bot.idString());
		assertThat(role.tryLock()).as("held by the running leader").isFalse();

		leader.close();

		// Immediately: not after the 60 s time to live.
		assertThat(role.tryLock()).isTrue();
		role.unlock();
	}

}
