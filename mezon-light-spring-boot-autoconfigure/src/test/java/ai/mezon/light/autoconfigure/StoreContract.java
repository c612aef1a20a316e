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

import ai.mezon.light.SessionData;
import ai.mezon.light.SessionStore;
import ai.mezon.light.SessionStoreConflictException;
import ai.mezon.light.StoredSession;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The compare-and-set contract every {@link SessionStore} keeps, run against a real backend.
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
