package ai.mezon.light;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

import org.junit.jupiter.api.Test;

import ai.mezon.light.message.ChannelType;
import ai.mezon.light.session.DeliveryCursorStore;
import ai.mezon.light.session.JoinedChannelStore;
import ai.mezon.light.session.SessionData;
import ai.mezon.light.session.SessionStore;
import ai.mezon.light.session.SessionStoreConflictException;
import ai.mezon.light.session.StoredSession;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The one contract every store shipped with the SDK keeps, run by each backend against the real
 * thing: in memory and files here, JDBC (PostgreSQL, H2) and Redis in the Spring Boot
 * auto-configuration's tests (this class reaches them through the core's test jar).
 *
 * <p>Three sides: the compare-and-set of {@link SessionStore}, the never-backwards cursors of
 * {@link DeliveryCursorStore}, and the joined channels of {@link JoinedChannelStore}. Backends
 * that can hold unreadable data extend {@link Corruptible}, which checks that nothing stored can
 * stop a bot from starting.
 *
 * <p>Test methods are public so subclasses in other packages inherit them.
 */
public abstract class StoreContract {

	/** Snowflake-sized ids: beyond 2^53, where a backend comparing doubles would go wrong. */
	public static final long BASE_ID = 7_300_000_000_000_000_000L;

	/** @return the store under test, fresh (or empty) for each test */
	protected abstract Object store();

	/** @return the store as a session store */
	protected SessionStore sessions() {
		return (SessionStore) store();
	}

	/** @return the store as a cursor store */
	protected DeliveryCursorStore cursors() {
		return (DeliveryCursorStore) store();
	}

	/** @return the store as a joined-channel store */
	protected JoinedChannelStore channels() {
		return (JoinedChannelStore) store();
	}

	/**
	 * A session for user 42 whose tokens are real (unsigned) JWTs, unique on every call; the refresh
	 * token lives a day, so stores that expire keys by it (Redis) keep it.
	 * @param tag a marker put into the token, to check it never shows in messages
	 * @return the session
	 */
	public static SessionData session(String tag) {
		Instant now = Instant.now();
		String token = jwt(now.plus(Duration.ofHours(1)), tag);
		String refresh = jwt(now.plus(Duration.ofDays(1)), "r-" + tag);
		return new SessionData(token, refresh, "https://api.example", "wss://ws.example", "42");
	}

	private static String jwt(Instant exp, String tag) {
		return TestJwts.jwt("{\"uid\":42,\"usn\":\"bot\",\"exp\":" + exp.getEpochSecond() + ",\"jti\":\"" + tag + "-"
				+ UUID.randomUUID() + "\"}");
	}

	// Sessions

	@Test
	public void loadOfUnknownKeyIsEmpty() {
		assertThat(sessions().load("nobody")).isEmpty();
	}

	@Test
	public void saveCreatesVersionOneThenIncrementsIt() {
		SessionData first = session("a");
		assertThat(sessions().save("k", first, SessionStore.NO_VERSION)).isEqualTo(new StoredSession(first, 1));
		assertThat(sessions().load("k")).contains(new StoredSession(first, 1));
		SessionData second = session("b");
		assertThat(sessions().save("k", second, 1)).isEqualTo(new StoredSession(second, 2));
		assertThat(sessions().load("k")).contains(new StoredSession(second, 2));
	}

	@Test
	public void absentWsUrlRoundTrips() {
		SessionData data = session("a");
		SessionData noWs = new SessionData(data.token(), data.refreshToken(), data.apiUrl(), null, data.userId());
		sessions().save("nows", noWs, SessionStore.NO_VERSION);
		assertThat(sessions().load("nows").orElseThrow().data()).isEqualTo(noWs);
	}

	@Test
	public void staleWriterIsRefusedWithoutTokensInTheMessageAndTheNewerSessionStays() {
		sessions().save("k", session("a"), SessionStore.NO_VERSION);
		SessionData newer = session("b");
		sessions().save("k", newer, 1);
		SessionData stale = session("stale-secret");
		assertThatExceptionOfType(SessionStoreConflictException.class)
			.isThrownBy(() -> sessions().save("k", stale, 1))
			.satisfies((ex) -> {
				assertThat(ex.getExpectedVersion()).isEqualTo(1);
				assertThat(ex.getActualVersion()).isEqualTo(2);
				assertThat(ex.getMessage()).doesNotContain(stale.token()).doesNotContain(stale.refreshToken());
			});
		assertThatExceptionOfType(SessionStoreConflictException.class)
			.isThrownBy(() -> sessions().save("k", session("c"), SessionStore.NO_VERSION));
		assertThat(sessions().load("k")).contains(new StoredSession(newer, 2));
	}

	@Test
	public void deleteRemovesAndAnOldVersionIsThenRefused() {
		sessions().save("del", session("a"), SessionStore.NO_VERSION);
		assertThat(sessions().delete("del")).isTrue();
		assertThat(sessions().delete("del")).isFalse();
		assertThat(sessions().load("del")).isEmpty();
		assertThatExceptionOfType(SessionStoreConflictException.class)
			.isThrownBy(() -> sessions().save("del", session("b"), 1));
		assertThat(sessions().save("del", session("c"), SessionStore.NO_VERSION).version()).isEqualTo(1);
	}

	@Test
	public void keysAreIndependent() {
		SessionData a = session("a");
		SessionData b = session("b");
		sessions().save("a", a, SessionStore.NO_VERSION);
		sessions().save("b/../c", b, SessionStore.NO_VERSION);
		assertThat(sessions().load("a").orElseThrow().data()).isEqualTo(a);
		assertThat(sessions().load("b/../c").orElseThrow().data()).isEqualTo(b);
	}

	@Test
	public void concurrentSavesOfOneVersionExactlyOneWins() throws Exception {
		sessions().save("race", session("start"), SessionStore.NO_VERSION);
		concurrentWriters("race", 1);
	}

	@Test
	public void concurrentFirstSavesExactlyOneWins() throws Exception {
		concurrentWriters("race-create", SessionStore.NO_VERSION);
	}

	private void concurrentWriters(String key, long version) throws Exception {
		int writers = 6;
		ExecutorService executor = Executors.newFixedThreadPool(writers);
		CountDownLatch start = new CountDownLatch(1);
		try {
			List<Future<StoredSession>> futures = new ArrayList<>();
			for (int i = 0; i < writers; i++) {
				SessionData data = session("w" + i);
				Callable<StoredSession> write = () -> {
					start.await();
					try {
						return sessions().save(key, data, version);
					}
					catch (SessionStoreConflictException ex) {
						return null;
					}
				};
				futures.add(executor.submit(write));
			}
			start.countDown();
			List<StoredSession> winners = new ArrayList<>();
			for (Future<StoredSession> future : futures) {
				StoredSession result = future.get(30, TimeUnit.SECONDS);
				if (result != null) {
					winners.add(result);
				}
			}
			assertThat(winners).hasSize(1);
			assertThat(sessions().load(key)).contains(winners.get(0));
		}
		finally {
			executor.shutdownNow();
		}
	}

	// Delivery cursors

	@Test
	public void cursorRoundTripNeverMovesBack() {
		assertThat(cursors().lastDelivered("scope-a", 42)).isEmpty();
		cursors().advance("scope-a", 42, BASE_ID + 10);
		assertThat(cursors().lastDelivered("scope-a", 42)).hasValue(BASE_ID + 10);
		cursors().advance("scope-a", 42, BASE_ID + 9);
		cursors().advance("scope-a", 42, BASE_ID + 10);
		assertThat(cursors().lastDelivered("scope-a", 42)).hasValue(BASE_ID + 10);
		cursors().advance("scope-a", 42, BASE_ID + 11);
		assertThat(cursors().lastDelivered("scope-a", 42)).hasValue(BASE_ID + 11);
		// Shorter decimal ids are smaller, whatever their first digit.
		cursors().advance("scope-a", 42, 999_999_999L);
		assertThat(cursors().lastDelivered("scope-a", 42)).hasValue(BASE_ID + 11);
		assertThat(cursors().lastDelivered("scope-b", 42)).isEmpty();
		assertThat(cursors().lastDelivered("scope-a", 43)).isEmpty();
	}

	@Test
	public void cursorsAreNotPartOfTheSessionAndItsVersion() {
		sessions().save("scope-s", session("a"), SessionStore.NO_VERSION);
		cursors().advance("scope-s", 1, BASE_ID);
		assertThat(sessions().load("scope-s").orElseThrow().version()).isEqualTo(1);
		assertThat(sessions().delete("scope-s")).isTrue();
		assertThat(cursors().lastDelivered("scope-s", 1)).hasValue(BASE_ID);
	}

	@Test
	public void concurrentAdvancesKeepTheLargest() throws Exception {
		int writers = 6;
		// Interleaved ids from every writer, each writer going up: first inserts race too.
		concurrently(writers, (writer) -> {
			for (int i = 0; i < 30; i++) {
				cursors().advance("scope-race", 7, BASE_ID + i * writers + writer);
			}
		});
		assertThat(cursors().lastDelivered("scope-race", 7)).hasValue(BASE_ID + 29 * writers + writers - 1);
	}

	// Joined channels

	@Test
	public void joinedChannelsRoundTripInIdOrder() {
		assertThat(channels().joinedChannels("bot")).isEmpty();
		channels().channelJoined("bot", BASE_ID + 2, ChannelType.GROUP);
		channels().channelJoined("bot", BASE_ID + 1, ChannelType.DM);
		channels().channelJoined("bot", 5, ChannelType.DM);
		Map<Long, ChannelType> joined = channels().joinedChannels("bot");
		assertThat(joined).containsExactly(Map.entry(5L, ChannelType.DM), Map.entry(BASE_ID + 1, ChannelType.DM),
				Map.entry(BASE_ID + 2, ChannelType.GROUP));
		assertThat(channels().joinedChannels("other-bot")).isEmpty();
	}

	@Test
	public void joiningAgainKeepsOneEntryAndTheLatestType() {
		channels().channelJoined("bot", BASE_ID, ChannelType.DM);
		channels().channelJoined("bot", BASE_ID, ChannelType.DM);
		channels().channelJoined("bot", BASE_ID, ChannelType.GROUP);
		assertThat(channels().joinedChannels("bot")).containsExactly(Map.entry(BASE_ID, ChannelType.GROUP));
	}

	@Test
	public void leavingForgetsOnlyThatChannelAndUnknownOnesAreNoOps() {
		channels().channelJoined("bot", BASE_ID, ChannelType.DM);
		channels().channelJoined("bot", BASE_ID + 1, ChannelType.GROUP);
		channels().channelJoined("other-bot", BASE_ID, ChannelType.DM);
		channels().channelLeft("bot", BASE_ID);
		channels().channelLeft("bot", BASE_ID + 99);
		channels().channelLeft("nobody", BASE_ID);
		assertThat(channels().joinedChannels("bot")).containsExactly(Map.entry(BASE_ID + 1, ChannelType.GROUP));
		assertThat(channels().joinedChannels("other-bot")).containsExactly(Map.entry(BASE_ID, ChannelType.DM));
		channels().channelLeft("bot", BASE_ID + 1);
		assertThat(channels().joinedChannels("bot")).isEmpty();
	}

	@Test
	public void joinedChannelsAreNotPartOfTheSessionNorTheCursors() {
		sessions().save("scope-j", session("a"), SessionStore.NO_VERSION);
		channels().channelJoined("scope-j", BASE_ID, ChannelType.DM);
		cursors().advance("scope-j", BASE_ID, BASE_ID + 5);
		assertThat(sessions().load("scope-j").orElseThrow().version()).isEqualTo(1);
		assertThat(sessions().delete("scope-j")).isTrue();
		channels().channelLeft("scope-j", BASE_ID);
		assertThat(cursors().lastDelivered("scope-j", BASE_ID)).hasValue(BASE_ID + 5);
		assertThat(channels().joinedChannels("scope-j")).isEmpty();
	}

	@Test
	public void aChannelIdMustBePositive() {
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> channels().channelJoined("bot", 0, ChannelType.DM));
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> channels().channelJoined("bot", -3, ChannelType.DM));
	}

	@Test
	public void concurrentJoinsOfDifferentChannelsAreAllKept() throws Exception {
		int writers = 6;
		concurrently(writers, (writer) -> {
			for (int i = 0; i < 10; i++) {
				channels().channelJoined("scope-race", BASE_ID + i * writers + writer,
						(i % 2 == 0) ? ChannelType.DM : ChannelType.GROUP);
			}
		});
		assertThat(channels().joinedChannels("scope-race")).hasSize(writers * 10);
	}

	/** Runs {@code work(writer)} on {@code writers} threads released at once; fails if one fails. */
	private static void concurrently(int writers, IntConsumer work) throws Exception {
		ExecutorService executor = Executors.newFixedThreadPool(writers);
		CountDownLatch start = new CountDownLatch(1);
		try {
			List<Future<?>> futures = new ArrayList<>();
			for (int w = 0; w < writers; w++) {
				int writer = w;
				futures.add(executor.submit(() -> {
					start.await();
					work.accept(writer);
					return null;
				}));
			}
			start.countDown();
			for (Future<?> future : futures) {
				future.get(30, TimeUnit.SECONDS);
			}
		}
		finally {
			executor.shutdownNow();
		}
	}

	/**
	 * The contract of a backend that can hold unreadable data: an unreadable session is set aside
	 * (kept for a post-mortem, not deleted) and read as absent, so a bot with other credentials
	 * starts, and the next save replaces it; unreadable cursors and channels read as absent.
	 */
	public abstract static class Corruptible extends StoreContract {

		/** Writes, in the backend's own way, a session under the key that cannot be read. */
		protected abstract void writeUnreadableSession(String key) throws Exception;

		/** @return whether the unreadable session of the key was kept somewhere aside */
		protected abstract boolean unreadableSessionWasSetAside(String key) throws Exception;

		/** Writes, in the backend's own way, cursors of the scope that cannot be read at all. */
		protected abstract void writeUnreadableCursors(String scope) throws Exception;

		/** Writes, in the backend's own way, joined channels of the scope that cannot be read at all. */
		protected abstract void writeUnreadableChannels(String scope) throws Exception;

		/** Adds, in the backend's own way, one joined-channel entry that is not an id and a type. */
		protected abstract void addUnreadableChannelEntry(String scope) throws Exception;

		@Test
		public void anUnreadableSessionIsSetAsideReadAsAbsentAndReplacedByTheNextSave() throws Exception {
			writeUnreadableSession("bad");
			assertThat(sessions().load("bad")).isEmpty();
			assertThat(unreadableSessionWasSetAside("bad")).isTrue();
			SessionData fresh = session("fresh");
			assertThat(sessions().save("bad", fresh, SessionStore.NO_VERSION)).isEqualTo(new StoredSession(fresh, 1));
			assertThat(sessions().load("bad")).contains(new StoredSession(fresh, 1));
		}

		@Test
		public void aSaveOverAnUnreadableSessionNeedsNoLoadFirst() throws Exception {
			writeUnreadableSession("bad-save");
			SessionData fresh = session("fresh");
			assertThat(sessions().save("bad-save", fresh, SessionStore.NO_VERSION).version()).isEqualTo(1);
			assertThat(sessions().load("bad-save")).contains(new StoredSession(fresh, 1));
			assertThat(unreadableSessionWasSetAside("bad-save")).isTrue();
		}

		@Test
		public void unreadableCursorsReadAsAbsentAndAdvanceAfresh() throws Exception {
			writeUnreadableCursors("bad-cursors");
			assertThat(cursors().lastDelivered("bad-cursors", BASE_ID)).isEmpty();
			cursors().advance("bad-cursors", BASE_ID, BASE_ID + 1);
			assertThat(cursors().lastDelivered("bad-cursors", BASE_ID)).hasValue(BASE_ID + 1);
		}

		@Test
		public void unreadableChannelsReadAsAbsentAndAreRecordedAfresh() throws Exception {
			writeUnreadableChannels("bad-channels");
			assertThat(channels().joinedChannels("bad-channels")).isEmpty();
			channels().channelJoined("bad-channels", BASE_ID, ChannelType.DM);
			assertThat(channels().joinedChannels("bad-channels")).containsExactly(Map.entry(BASE_ID, ChannelType.DM));
		}

		@Test
		public void anUnreadableChannelEntryIsSkippedAndTheOthersKept() throws Exception {
			channels().channelJoined("bad-entry", BASE_ID, ChannelType.GROUP);
			addUnreadableChannelEntry("bad-entry");
			assertThat(channels().joinedChannels("bad-entry")).containsExactly(Map.entry(BASE_ID, ChannelType.GROUP));
			channels().channelJoined("bad-entry", BASE_ID + 1, ChannelType.DM);
			assertThat(channels().joinedChannels("bad-entry")).containsExactly(Map.entry(BASE_ID, ChannelType.GROUP),
					Map.entry(BASE_ID + 1, ChannelType.DM));
		}

	}

}
