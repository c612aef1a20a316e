package ai.mezon.light.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import ai.mezon.light.DeliveryCursorStore;
import ai.mezon.light.SessionData;
import ai.mezon.light.SessionStore;
import ai.mezon.light.SessionStoreConflictException;
import ai.mezon.light.StoredSession;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The compare-and-set contract every {@link SessionStore} keeps, and the never-backwards contract
 * of its {@link DeliveryCursorStore} side, run against a real backend.
 */
abstract class StoreContract {

	abstract SessionStore store();

	static SessionData session() {
		return TestSessions.fresh(java.time.Instant.now());
	}

	@Test
	void roundTrip() {
		SessionData data = session();
		assertThat(store().load("rt")).isEmpty();
		assertThat(store().save("rt", data, SessionStore.NO_VERSION)).isEqualTo(new StoredSession(data, 1));
		assertThat(store().load("rt")).contains(new StoredSession(data, 1));
		SessionData next = session();
		assertThat(store().save("rt", next, 1).version()).isEqualTo(2);
		assertThat(store().load("rt")).contains(new StoredSession(next, 2));
	}

	@Test
	void nullWsUrlRoundTrips() {
		SessionData data = session();
		SessionData noWs = new SessionData(data.token(), data.refreshToken(), data.apiUrl(), null, data.userId());
		store().save("nows", noWs, SessionStore.NO_VERSION);
		assertThat(store().load("nows").orElseThrow().data()).isEqualTo(noWs);
	}

	@Test
	void staleWriterGetsConflictAndNewerVersionStays() {
		store().save("cas", session(), SessionStore.NO_VERSION);
		SessionData newer = session();
		store().save("cas", newer, 1);
		assertThatExceptionOfType(SessionStoreConflictException.class)
			.isThrownBy(() -> store().save("cas", session(), 1))
			.satisfies((ex) -> assertThat(ex.getActualVersion()).isEqualTo(2));
		assertThatExceptionOfType(SessionStoreConflictException.class)
			.isThrownBy(() -> store().save("cas", session(), SessionStore.NO_VERSION));
		assertThat(store().load("cas")).contains(new StoredSession(newer, 2));
	}

	@Test
	void deleteRemovesAndOldVersionIsThenRefused() {
		store().save("del", session(), SessionStore.NO_VERSION);
		assertThat(store().delete("del")).isTrue();
		assertThat(store().delete("del")).isFalse();
		assertThat(store().load("del")).isEmpty();
		assertThatExceptionOfType(SessionStoreConflictException.class)
			.isThrownBy(() -> store().save("del", session(), 1));
		assertThat(store().save("del", session(), SessionStore.NO_VERSION).version()).isEqualTo(1);
	}

	@Test
	void concurrentSavesOfOneVersionExactlyOneWins() throws Exception {
		concurrentWriters("race", 1);
	}

	@Test
	void concurrentFirstSavesExactlyOneWins() throws Exception {
		concurrentWriters("race-create", SessionStore.NO_VERSION);
	}

	DeliveryCursorStore cursors() {
		return (DeliveryCursorStore) store();
	}

	/** Snowflake-sized ids: beyond 2^53, where a backend comparing doubles would go wrong. */
	static final long BASE_ID = 7_300_000_000_000_000_000L;

	@Test
	void cursorRoundTripNeverMovesBack() {
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
	void cursorsAreNotPartOfTheSessionAndItsVersion() {
		store().save("scope-s", session(), SessionStore.NO_VERSION);
		cursors().advance("scope-s", 1, BASE_ID);
		assertThat(store().load("scope-s").orElseThrow().version()).isEqualTo(1);
		assertThat(store().delete("scope-s")).isTrue();
		assertThat(cursors().lastDelivered("scope-s", 1)).hasValue(BASE_ID);
	}

	@Test
	void concurrentAdvancesKeepTheLargest() throws Exception {
		int writers = 6;
		ExecutorService executor = Executors.newFixedThreadPool(writers);
		CountDownLatch start = new CountDownLatch(1);
		try {
			List<Future<?>> futures = new ArrayList<>();
			for (int w = 0; w < writers; w++) {
				int writer = w;
				futures.add(executor.submit(() -> {
					start.await();
					// Interleaved ids from every writer, each writer going up: first inserts race too.
					for (int i = 0; i < 30; i++) {
						cursors().advance("scope-race", 7, BASE_ID + i * writers + writer);
					}
					return null;
				}));
			}
			start.countDown();
			for (Future<?> future : futures) {
				future.get(30, java.util.concurrent.TimeUnit.SECONDS);
			}
		}
		finally {
			executor.shutdownNow();
		}
		assertThat(cursors().lastDelivered("scope-race", 7)).hasValue(BASE_ID + 29 * writers + writers - 1);
	}

	private void concurrentWriters(String key, long version) throws Exception {
		if (version != SessionStore.NO_VERSION) {
			store().save(key, session(), SessionStore.NO_VERSION);
		}
		int writers = 6;
		ExecutorService executor = Executors.newFixedThreadPool(writers);
		CountDownLatch start = new CountDownLatch(1);
		try {
			List<Future<StoredSession>> futures = new ArrayList<>();
			for (int i = 0; i < writers; i++) {
				SessionData data = session();
				Callable<StoredSession> write = () -> {
					start.await();
					try {
						return store().save(key, data, version);
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
				StoredSession result = future.get(Duration.ofSeconds(30).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
				if (result != null) {
					winners.add(result);
				}
			}
			assertThat(winners).hasSize(1);
			assertThat(store().load(key)).contains(winners.get(0));
		}
		finally {
			executor.shutdownNow();
		}
	}

}
