package ai.mezon.light;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import ai.mezon.light.message.ChannelType;
import ai.mezon.light.session.FileSessionStore;
import ai.mezon.light.session.InMemorySessionStore;
import ai.mezon.light.session.Session;
import ai.mezon.light.session.SessionData;
import ai.mezon.light.session.SessionStore;
import ai.mezon.light.session.StoredSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The in-memory and file stores against the shared {@link StoreContract}, and what is particular
 * to the file store: its format, atomic writes, permissions and how it sets unreadable files aside.
 */
class SessionStoreTests {

	@Nested
	class InMemory extends StoreContract {

		private final InMemorySessionStore store = new InMemorySessionStore();

		@Override
		protected Object store() {
			return this.store;
		}

	}

	@Nested
	@ExtendWith(OutputCaptureExtension.class)
	class File extends StoreContract.Corruptible {

		@TempDir
		Path temp;

		private FileSessionStore store;

		@Override
		protected FileSessionStore store() {
			if (this.store == null) {
				this.store = new FileSessionStore(this.temp.resolve("sessions"));
			}
			return this.store;
		}

		private void write(Path file, String text) throws Exception {
			Files.createDirectories(file.getParent());
			Files.writeString(file, text);
		}

		private List<String> files() throws Exception {
			try (Stream<Path> files = Files.list(store().getDirectory())) {
				return files.map((p) -> p.getFileName().toString()).sorted().toList();
			}
		}

		@Override
		protected void writeUnreadableSession(String key) throws Exception {
			// A crash half-way through a write by another tool: JSON cut short.
			write(store().fileFor(key), "{\"token\":\"secret-token-part\",\"refresh_tok");
		}

		@Override
		protected boolean unreadableSessionWasSetAside(String key) throws Exception {
			String prefix = store().fileFor(key).getFileName() + ".corrupt-";
			List<Path> aside;
			try (Stream<Path> files = Files.list(store().getDirectory())) {
				aside = files.filter((p) -> p.getFileName().toString().startsWith(prefix)).toList();
			}
			return aside.size() == 1 && Files.readString(aside.get(0)).contains("secret-token-part");
		}

		@Override
		protected void writeUnreadableCursors(String scope) throws Exception {
			write(store().cursorFileFor(scope), "[1, 2");
		}

		@Override
		protected void writeUnreadableChannels(String scope) throws Exception {
			write(store().channelFileFor(scope), "\u0000\u0001 not json");
		}

		@Override
		protected void addUnreadableChannelEntry(String scope) throws Exception {
			Path file = store().channelFileFor(scope);
			String json = Files.readString(file);
			write(file, json.replaceFirst("\\{", "{\"not-an-id\":\"DM\",\"12\":\"CLAN\","));
		}

		@Test
		void fileHoldsTheExportShapeReadableAsSessionData() throws Exception {
			SessionData data = session("a");
			store().save("42", data, SessionStore.NO_VERSION);
			String json = Files.readString(this.store.fileFor("42"));
			assertThat(json).contains("\"token\":\"" + data.token() + "\"", "\"refresh_token\":", "\"api_url\":",
					"\"ws_url\":", "\"user_id\":\"42\"", "\"version\":1");
			assertThat(tools.jackson.databind.json.JsonMapper.shared().readValue(json, SessionData.class))
				.isEqualTo(data);
		}

		@Test
		void plainExportWithoutVersionReadsAsVersionOne() throws Exception {
			write(store().fileFor("x"), "{\"token\":\"t\",\"refresh_token\":\"r\",\"api_url\":\"https://a\",\"user_id\":\"7\"}");
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
			assertThat(files()).containsExactly("k.json", "k.json.lock");
		}

		@Test
		void keysCannotEscapeTheDirectory() {
			assertThat(store().load("../x")).isEmpty();
			assertThat(this.store.fileFor("../../etc/passwd").getParent()).isEqualTo(this.store.getDirectory());
			assertThat(this.store.fileFor("..").getParent()).isEqualTo(this.store.getDirectory());
			assertThat(this.store.fileFor(".hidden").getFileName().toString()).doesNotStartWith(".");
		}

		@Test
		void cursorsAndChannelsSurviveANewInstanceInFilesOfTheirOwn() throws Exception {
			store().advance("bot", 10, 1_000_000_000_000_000_500L);
			store().channelJoined("bot", 10, ChannelType.GROUP);
			FileSessionStore reopened = new FileSessionStore(this.temp.resolve("sessions"));
			assertThat(reopened.lastDelivered("bot", 10)).hasValue(1_000_000_000_000_000_500L);
			assertThat(reopened.joinedChannels("bot")).containsExactly(Map.entry(10L, ChannelType.GROUP));
			assertThat(Files.readString(store().cursorFileFor("bot"))).contains("\"10\":\"1000000000000000500\"");
			assertThat(Files.readString(store().channelFileFor("bot"))).isEqualTo("{\"10\":\"GROUP\"}");
			// The session file of the same key is another file, untouched.
			assertThat(store().load("bot")).isEmpty();
		}

		@Test
		void anUnreadableSessionIsLoggedNamingStoreAndKeyWithoutQuotingIt(CapturedOutput output) throws Exception {
			writeUnreadableSession("bot");
			assertThat(store().load("bot")).isEmpty();
			assertThat(output.getOut() + output.getErr()).contains("WARN")
				.contains(store().toString())
				.contains("key 'bot'")
				.contains("bot.json.corrupt-")
				.doesNotContain("secret-token-part");
			assertThat(files()).hasSize(2).anySatisfy((name) -> assertThat(name).matches("bot\\.json\\.corrupt-\\d{8}T\\d{9}Z"));
		}

		@Test
		void aFileThatIsNotUtf8IsSetAsideToo() throws Exception {
			Path file = store().fileFor("binary");
			Files.createDirectories(file.getParent());
			Files.write(file, new byte[] { (byte) 0xC3, (byte) 0x28, (byte) 0xFF });
			assertThat(store().load("binary")).isEmpty();
			assertThat(files()).anySatisfy((name) -> assertThat(name).startsWith("binary.json.corrupt-"));
		}

		@Test
		void aSessionWithAnInvalidHostLoadsForTheCallerToJudge() throws Exception {
			// Readable but unusable (a bad URL): the store returns it, the client refuses it typed.
			SessionData data = session("a");
			SessionData badHost = new SessionData(data.token(), data.refreshToken(), data.apiUrl(),
					"wss://ws.example:99999", data.userId());
			store().save("badhost", badHost, SessionStore.NO_VERSION);
			StoredSession stored = store().load("badhost").orElseThrow();
			assertThat(stored.version()).isEqualTo(1);
			org.assertj.core.api.Assertions.assertThatExceptionOfType(MezonInvalidUrlException.class)
				.isThrownBy(() -> Session.restore(stored.data()))
				.withMessageContaining("wss://ws.example:99999");
			assertThat(store().save("badhost", data, 1).version()).isEqualTo(2);
		}

		@Test
		void anUnreadableCursorEntryIsSkipped() throws Exception {
			store().advance("bot", 10, 500);
			Path file = store().cursorFileFor("bot");
			write(file, Files.readString(file).replace("{", "{\"11\":\"x\",\"-3\":\"7\","));
			assertThat(store().lastDelivered("bot", 10)).hasValue(500);
			assertThat(store().lastDelivered("bot", 11)).isEmpty();
			store().advance("bot", 11, 600);
			assertThat(store().lastDelivered("bot", 11)).hasValue(600);
		}

		@Test
		void unreadableBytesAreNeverQuoted(CapturedOutput output) throws Exception {
			Files.createDirectories(store().getDirectory());
			Files.write(store().cursorFileFor("q"), "{\"1\": secret-cursor".getBytes(StandardCharsets.UTF_8));
			assertThat(store().lastDelivered("q", 1)).isEmpty();
			assertThat(output.getOut() + output.getErr()).contains("delivery cursors").doesNotContain("secret-cursor");
		}

	}

	@Nested
	class Json {

		@Test
		void storedSessionJsonRoundTripsAndMasksTokensInToString() {
			StoredSession stored = new StoredSession(StoreContract.session("secret"), 3);
			assertThat(StoredSession.fromJson(stored.toJson())).isEqualTo(stored);
			assertThat(stored.toString()).doesNotContain(stored.data().token());
		}

	}

}
