package ai.mezon.light;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@link DeliveryCursorStore} side of the in-memory and file stores.
 */
class DeliveryCursorStoreTests {

	@TempDir
	Path directory;

	@Test
	void inMemoryCursorsOnlyMoveForward() throws Exception {
		assertContract(new InMemorySessionStore());
	}

	@Test
	void fileCursorsOnlyMoveForwardAndSurviveANewInstance() throws Exception {
		FileSessionStore store = new FileSessionStore(this.directory.resolve("sessions"));
		assertContract(store);
		FileSessionStore reopened = new FileSessionStore(this.directory.resolve("sessions"));
		assertThat(reopened.lastDelivered("bot", 10)).hasValue(1_000_000_000_000_000_500L);
		assertThat(Files.readString(store.cursorFileFor("bot"))).contains("\"10\":\"1000000000000000500\"");
		// The session file of the same key is another file, untouched.
		assertThat(store.load("bot")).isEmpty();
	}

	private static void assertContract(DeliveryCursorStore store) throws Exception {
		assertThat(store.lastDelivered("bot", 10)).isEmpty();
		store.advance("bot", 10, 1_000_000_000_000_000_100L);
		store.advance("bot", 10, 1_000_000_000_000_000_050L);
		assertThat(store.lastDelivered("bot", 10)).hasValue(1_000_000_000_000_000_100L);
		assertThat(store.lastDelivered("other-bot", 10)).isEmpty();
		assertThat(store.lastDelivered("bot", 11)).isEmpty();

		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Future<?>> writes = new java.util.ArrayList<>();
			for (int i = 0; i <= 400; i++) {
				long id = 1_000_000_000_000_000_100L + i;
				writes.add(pool.submit(() -> store.advance("bot", 10, id)));
			}
			for (Future<?> write : writes) {
				write.get(10, TimeUnit.SECONDS);
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(store.lastDelivered("bot", 10)).hasValue(1_000_000_000_000_000_500L);
	}

}
