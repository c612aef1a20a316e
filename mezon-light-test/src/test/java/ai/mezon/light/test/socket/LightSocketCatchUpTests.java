package ai.mezon.light.test.socket;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ai.mezon.light.CatchUpOptions;
import ai.mezon.light.ConnectionState;
import ai.mezon.light.LightSocket;
import ai.mezon.light.SocketListener;
import ai.mezon.light.SocketOptions;
import ai.mezon.light.message.ChannelMessage;
import ai.mezon.light.session.InMemorySessionStore;
import ai.mezon.light.test.TestChannel;
import ai.mezon.light.test.TestUser;

import static ai.mezon.light.test.socket.SocketTestSupport.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Catch-up without Spring: a {@link LightSocket} with {@link SocketOptions.Builder#catchUp} gets
 * what was sent while it was away, once each and in order, before what is pushed after.
 */
class LightSocketCatchUpTests extends SocketTestBase {

	private TestUser bot;

	private TestUser alice;

	private TestChannel dm;

	private InMemorySessionStore cursors;

	@BeforeEach
	void setUp() {
		this.bot = server.createUser("bot");
		this.alice = server.createUser("alice");
		this.dm = server.createDm(this.alice, this.bot);
		this.cursors = new InMemorySessionStore();
	}

	@AfterEach
	void tearDown() {
		server.resetFaults();
	}

	private SocketOptions catchUpOptions(int maxMessages, int pageSize) {
		return SocketTestSupport.fastOptions()
			.catchUp(new CatchUpOptions(this.cursors, this.bot.idString(), maxMessages, pageSize, 256))
			.build();
	}

	private Ids start(SocketOptions options) {
		Ids ids = new Ids();
		LightSocket socket = this.support.socket(this.bot, options);
		socket.addListener(ids);
		socket.connect().join();
		socket.joinDMChannel(this.dm.idString()).join();
		ids.socket = socket;
		return ids;
	}

	private List<String> sent(int count, String prefix) {
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			ids.add(server.sendAs(this.alice, this.dm, prefix + i).messageId());
		}
		return ids;
	}

	@Test
	void messagesSentWhileDisconnectedAreDeliveredOnceInOrderBeforeNewOnes() {
		Ids bot = start(catchUpOptions(1000, 3));
		List<String> expected = new ArrayList<>(sent(2, "before "));
		await("the first messages", () -> bot.ids.size() == 2);
		await("the link registered by the server", () -> server.socketConnectionCount(this.bot) > 0);
		int losses = bot.losses.get();

		server.refuseNextHandshakes(2);
		server.dropConnections(this.bot);
		await("the loss is noticed", () -> bot.losses.get() > losses);
		// Seven messages: three pages of three, the last one short.
		expected.addAll(sent(7, "while away "));
		await("reconnected", () -> bot.socket.isConnected());
		expected.addAll(sent(2, "after "));

		await("every message", () -> bot.ids.size() >= expected.size());
		assertThat(bot.ids).containsExactlyElementsOf(expected);
		assertThat(this.cursors.lastDelivered(this.bot.idString(), this.dm.id()))
			.hasValue(Long.parseLong(expected.get(expected.size() - 1)));
	}

	@Test
	void messagesSentWhileStoppedAreDeliveredByTheNextSocketFromTheCursors() {
		Ids first = start(catchUpOptions(1000, 100));
		List<String> expected = new ArrayList<>(sent(3, "first run "));
		await("the first run's messages", () -> first.ids.size() == 3);
		first.socket.disconnect();

		List<String> whileStopped = sent(4, "while stopped ");
		Ids second = start(catchUpOptions(1000, 100));
		List<String> after = sent(1, "second run ");

		await("the second run's messages", () -> second.ids.size() >= 5);
		assertThat(second.ids).containsExactlyElementsOf(concat(whileStopped, after));
		assertThat(first.ids).containsExactlyElementsOf(expected);
	}

	@Test
	void firstJoinWithoutCursorDoesNotReplayOldHistory() {
		sent(3, "long ago ");
		Ids bot = start(catchUpOptions(1000, 100));
		await("the cursor is seeded",
				() -> this.cursors.lastDelivered(this.bot.idString(), this.dm.id()).isPresent());
		List<String> live = sent(1, "live ");

		await("the live message", () -> bot.ids.size() >= 1);
		assertThat(bot.ids).containsExactlyElementsOf(live);
	}

	@Test
	void catchUpStopsAtMaxMessagesAndSaysSo() {
		Ids first = start(catchUpOptions(2, 1));
		sent(1, "seen ");
		await("seen", () -> first.ids.size() == 1);
		first.socket.disconnect();
		List<String> missed = sent(4, "missed ");

		Ids second = start(catchUpOptions(2, 1));

		await("two caught up", () -> second.ids.size() == 2);
		assertThat(second.ids).containsExactlyElementsOf(missed.subList(0, 2));
		await("the limit is reported", () -> second.errors.stream()
			.anyMatch((error) -> String.valueOf(error.getMessage()).contains("max-messages")));
	}

	@Test
	void pushesDuringRepeatedReconnectsAreDeliveredExactlyOnceInOrder() throws Exception {
		Ids bot = start(catchUpOptions(1000, 5));
		AtomicBoolean sending = new AtomicBoolean(true);
		List<String> expected = new CopyOnWriteArrayList<>();
		Thread sender = new Thread(() -> {
			int i = 0;
			while (sending.get()) {
				expected.add(server.sendAs(this.alice, this.dm, "n" + i++).messageId());
				try {
					// Pacing only (a few hundred messages a second), nothing is asserted on time.
					Thread.sleep(2);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		});
		sender.start();
		try {
			for (int drop = 0; drop < 4; drop++) {
				int before = bot.ids.size();
				int losses = bot.losses.get();
				await("more deliveries", () -> bot.ids.size() > before + 5);
				// Deliveries may come from catch-up over REST: make sure the server holds the new
				// link before dropping it.
				await("the link registered by the server", () -> server.socketConnectionCount(this.bot) > 0);
				server.dropConnections(this.bot);
				await("the loss is noticed", () -> bot.losses.get() > losses);
				await("reconnected", () -> bot.socket.isConnected());
			}
		}
		finally {
			sending.set(false);
			sender.join();
		}
		await("every message", () -> bot.ids.size() >= expected.size());
		assertThat(bot.ids).containsExactlyElementsOf(expected);
	}

	private static List<String> concat(List<String> a, List<String> b) {
		List<String> all = new ArrayList<>(a);
		all.addAll(b);
		return all;
	}

	/** Records delivered message ids in delivery order, and errors. */
	static final class Ids implements SocketListener {

		final List<String> ids = new CopyOnWriteArrayList<>();

		final List<Throwable> errors = new CopyOnWriteArrayList<>();

		/** Losses seen: a RECONNECTING state may last less than one poll, its count cannot be missed. */
		final AtomicInteger losses = new AtomicInteger();

		LightSocket socket;

		@Override
		public void onConnectionStateChanged(ConnectionState previous, ConnectionState current) {
			if (current == ConnectionState.RECONNECTING && previous == ConnectionState.CONNECTED) {
				this.losses.incrementAndGet();
			}
		}

		@Override
		public void onChannelMessage(ChannelMessage message) {
			this.ids.add(message.messageId());
		}

		@Override
		public void onError(Throwable error) {
			this.errors.add(error);
		}

	}

}
