package ai.mezon.light;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link InMemorySessionStore} and {@link FileSessionStore}: the compare-and-set
 * contract both share, and the file store's format, atomic writes and permissions.
 */
class SessionStoreTests {

	static SessionData session(String token) {
		return new SessionData(token, "r-" + token, "https://api.example", "wss://ws.example", "42");
	}

	abstract static class Contract {

		abstract SessionStore store();

		@Test
		void loadOfUnknownKeyIsEmpty() {
			assertThat(store().load("nobody")).isEmpty();
		}

		@Test
		void firstSaveCreatesVersionOneAndLoadReturnsIt() {
			StoredSession saved = store().save("k", session("a"), SessionStore.NO_VERSION);
			assertThat(saved.version()).isEqualTo(1);
			assertThat(store().load("k")).contains(new StoredSession(session("a"), 1));
		}

		@Test
		void saveWithCurrentVersionIncrementsIt() {
			store().save("k", session("a"), SessionStore.NO_VERSION);
			StoredSession second = store().save("k", session("b"), 1);
			assertThat(second.version()).isEqualTo(2);
			assertThat(store().load("k")).contains(new StoredSession(session("b"), 2));
		}

		@Test
		void staleWriterIsRefusedAndNewerSessionKept() {
			store().save("k", session("a"), SessionStore.NO_VERSION);
			store().save("k", session("b"), 1);
			assertThatExceptionOfType(SessionStoreConflictException.class)
				.isThrownBy(() -> store().save("k", session("stale"), 1))
				.satisfies((ex) -> {
					assertThat(ex.getExpectedVersion()).isEqualTo(1);
					assertThat(ex.getActualVersion()).isEqualTo(2);
					assertThat(ex.getMessage()).doesNotContain("stale");
				});
			assertThat(store().load("k").orElseThrow().data()).isEqualTo(session("b"));
		}

		@Test
		void createWhenAlreadyStoredIsRefused() {
			store().save("k", session("a"), SessionStore.NO_VERSION);
			assertThatExceptionOfType(SessionStoreConflictException.class)
				.isThrownBy(() -> store().save("k", session("b"), SessionStore.NO_VERSION));
		}

		@Test
		void saveAfterDeleteWithOldVersionIsRefused() {
			store().save("k", session("a"), SessionStore.NO_VERSION);
			assertThat(store().delete("k")).isTrue();
			assertThat(store().delete("k")).isFalse();
			assertThat(store().load("k")).isEmpty();
			assertThatExceptionOfType(SessionStoreConflictException.class)
				.isThrownBy(() -> store().save("k", session("b"), 1));
		}

		@Test
		void keysAreIndependent() {
			store().save("a", session("a"), SessionStore.NO_VERSION);
			store().save("b/../c", session("b"), SessionStore.NO_VERSION);
			assertThat(store().load("a").orElseThrow().data()).isEqualTo(session("a"));
			assertThat(store().load("b/../c").orElseThrow().data()).isEqualTo(session("b"));
		}

		@Test
		void concurrentWritersOfOneVersionExactlyOneWins() throws Exception {
			store().save("k", session("start"), SessionStore.NO_VERSION);
			int writers = 8;
			ExecutorService executor = Executors.newFixedThreadPool(writers);
			AtomicInteger conflicts = new AtomicInteger();
			try {
				List<Future<StoredSession>> results = new ArrayList<>();
				for (int i = 0; i < writers; i++) {
					String token = "w" + i;
					Callable<StoredSession> write = () -> {
						try {
							return store().save("k", session(token), 1);
						}
						catch (SessionStoreConflictException ex) {
							conflicts.incrementAndGet();
							return null;
						}
					};
					results.add(executor.submit(write));
				}
				List<StoredSession> winners = new ArrayList<>();
				for (Future<StoredSession> result : results) {
					StoredSession stored = result.get();
					if (stored != null) {
						winners.add(stored);
					}
				}
				assertThat(winners).hasSize(1);
				assertThat(conflicts).hasValue(writers - 1);
				assertThat(store().load("k")).contains(winners.get(0));
			}
			finally {
				executor.shutdownNow();
			}
		}

	}

	@Nested
	class InMemory extends Contract {

		private final InMemorySessionStore store = new InMemorySessionStore();

		@Override
		SessionStore store() {
			return this.store;
		}

	}

	@Nested
	class File extends Contract {

		@TempDir
		Path temp;

		private FileSessionStore store;

		@Override
		SessionStore store() {
			if (this.store == null) {
				this.store = new FileSessionStore(this.temp.resolve("sessions"));
			}
			return this.store;
		}

		@Test
		void fileHoldsTheExportShapeReadableAsSessionData() throws Exception {
			store().save("42", session("a"), SessionStore.NO_VERSION);
			String json = Files.readString(this.store.fileFor("42"));
			assertThat(json).contains("\"token\":\"a\"", "\"refresh_token\":\"r-a\"", "\"api_url\":",
					"\"ws_url\":", "\"user_id\":\"42\"", "\"version\":1");
			SessionData data = tools.jackson.databind.json.JsonMapper.shared().readValue(json, SessionData.class);
			assertThat(data).isEqualTo(session("a"));
		}

		@Test
		void plainExportWithoutVersionReadsAsVersionOne() throws Exception {
			Path file = ((FileSessionStore) store()).fileFor("x");
			Files.createDirectories(file.getParent());
			Files.writeString(file, "{\"token\":\"t\",\"refresh_token\":\"r\",\"api_url\":\"https://a\",\"user_id\":\"7\"}");
			StoredSession stored = store().load("x").orElseThrow();
			assertThat(stored.version()).isEqualTo(1);
			assertThat(stored.data().wsUrl()).isNull();
			assertThat(store().save("x", session("b"), 1).version()).isEqualTo(2);
		}

		@Test
		void filesAreOwnerOnlyAndNoTemporaryFileIsLeft() throws Exception {
			// Fails, rather than skips, where POSIX permissions are unsupported: the store's promise
			// of owner-only files must be checked wherever the build runs (Linux here and in CI).
			assertThat(this.temp.getFileSystem().supportedFileAttributeViews()).contains("posix");
			store().save("k", session("a"), SessionStore.NO_VERSION);
			store().save("k", session("b"), 1);
			Path file = this.store.fileFor("k");
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
				.isEqualTo("rwx------");
			try (var files = Files.list(file.getParent())) {
				assertThat(files.map((p) -> p.getFileName().toString())).containsExactlyInAnyOrder("k.json",
						"k.json.lock");
			}
		}

		@Test
		void keysCannotEscapeTheDirectory() {
			assertThat(this.store().load("../x")).isEmpty();
			assertThat(this.store.fileFor("../../etc/passwd").getParent()).isEqualTo(this.store.getDirectory());
			assertThat(this.store.fileFor("..").getParent()).isEqualTo(this.store.getDirectory());
			assertThat(this.store.fileFor(".hidden").getFileName().toString()).doesNotStartWith(".");
		}

		@Test
		void unreadableFileFailsWithoutQuotingIt() throws Exception {
			Path file = ((FileSessionStore) store()).fileFor("bad");
			Files.createDirectories(file.getParent());
			Files.write(file, "{\"token\":\"secret-token".getBytes(StandardCharsets.UTF_8));
			assertThatExceptionOfType(MezonSessionException.class).isThrownBy(() -> store().load("bad"))
				.withMessageNotContaining("secret-token");
		}

	}

	@Nested
	class Json {

		@Test
		void storedSessionJsonRoundTripsAndMasksTokensInToString() {
			StoredSession stored = new StoredSession(session("secret"), 3);
			assertThat(StoredSession.fromJson(stored.toJson())).isEqualTo(stored);
			assertThat(stored.toString()).doesNotContain("secret");
		}

	}

}
