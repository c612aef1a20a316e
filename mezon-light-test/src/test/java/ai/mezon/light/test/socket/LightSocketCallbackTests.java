package ai.mezon.light.test.socket;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import ai.mezon.light.message.MessageAck;
import ai.mezon.light.test.TestChannel;
import ai.mezon.light.test.TestUser;
import ai.mezon.light.test.socket.SocketTestSupport.Connected;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where callers' callbacks run: on the callback pool, never the reading or timer thread; a callback
 * may wait for another request of the same socket with {@code join()}, many at once, without
 * starving the completions it waits for.
 */
class LightSocketCallbackTests extends SocketTestBase {

	/** The DM of the test, between alice and bob. */
	private TestChannel dm;

	@Test
	void callbacksRunOnTheCallbackPool() {
		Connected alice = dmOfTwo();
		// The ack is held so that the callback is attached before the future completes (attached
		// to a completed future, a callback runs at once on the caller's thread).
		server.delayAcks(Duration.ofMillis(500));
		String thread = alice.socket()
			.sendDM(this.dm.idString(), "where")
			.thenApply((ack) -> Thread.currentThread().getName())
			.join();
		assertThat(thread).startsWith("mezon-callback-");
	}

	@Test
	void aConfiguredCallbackExecutorCompletesTheFutures() {
		TestUser alice = server.createUser("alice");
		TestUser bob = server.createUser("bob");
		this.dm = server.createDm(alice, bob);
		ExecutorService callbacks = Executors.newSingleThreadExecutor((task) -> new Thread(task, "my-callbacks"));
		try {
			Connected connected = this.support.connect(alice,
					SocketTestSupport.fastOptions().sendRate(0).callbackExecutor(callbacks).build());
			connected.socket().joinDMChannel(this.dm.idString()).join();
			server.delayAcks(Duration.ofMillis(500));
			String thread = connected.socket()
				.sendDM(this.dm.idString(), "where")
				.thenApply((ack) -> Thread.currentThread().getName())
				.join();
			assertThat(thread).isEqualTo("my-callbacks");
		}
		finally {
			callbacks.shutdownNow();
		}
	}

	@Test
	void manyCallbacksJoiningAnotherSendAtOnceAllComplete() throws Exception {
		Connected alice = dmOfTwo();
		// Acks held 300 ms: the first sends' callbacks all start together, and each stays blocked in
		// join() for its second send's ack, so more callbacks wait at once than the pool has threads;
		// only a pool that adds threads for joiners gets them all through.
		server.delayAcks(Duration.ofMillis(300));
		int callbacks = Runtime.getRuntime().availableProcessors() * 4 + 2;
		List<CompletableFuture<MessageAck>> chains = new ArrayList<>();
		for (int i = 0; i < callbacks; i++) {
			int n = i;
			chains.add(alice.socket()
				.sendDM(this.dm.idString(), "first " + n)
				.thenApply((ack) -> alice.socket().sendDM(this.dm.idString(), "second " + n).join()));
		}
		CompletableFuture.allOf(chains.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
		assertThat(chains).allSatisfy((chain) -> assertThat(chain).succeedsWithin(Duration.ZERO));
		assertThat(server.messages(this.dm)).hasSize(callbacks * 2);
	}

	private Connected dmOfTwo() {
		TestUser alice = server.createUser("alice");
		TestUser bob = server.createUser("bob");
		this.dm = server.createDm(alice, bob);
		Connected connected = this.support.connect(alice, SocketTestSupport.fastOptions().sendRate(0).build());
		connected.socket().joinDMChannel(this.dm.idString()).join();
		return connected;
	}

}
