package ai.mezon.light;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;

import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A {@link SessionStore} keeping one JSON file per key in a directory: {@code <key>.json}, in the
 * TypeScript SDK's export shape plus a {@code version} key (see {@link StoredSession#toJson()}),
 * so the file can be handed to the TypeScript SDK or read with {@code SessionData}. A plain
 * export dropped in the directory is read as version 1.
 *
 * <p>Writes go to a temporary file that is then moved over the old one atomically, so readers
 * never see half a session; on POSIX file systems the directory is created {@code rwx------} and
 * the files {@code rw-------}, as they hold credentials. The compare-and-set of
 * {@link #save(String, SessionData, long)} holds an exclusive lock on {@code <key>.json.lock},
 * which also orders writers in other processes on the same machine.
 *
 * <p>As a {@link DeliveryCursorStore} it keeps one more file per scope, {@code <scope>.cursors.json}:
 * a JSON object from channel id to the last delivered message id (both decimal strings), written
 * the same way under the same kind of lock.
 */
public final class FileSessionStore implements SessionStore, DeliveryCursorStore {

	private static final JsonMapper JSON = JsonMapper.shared();

	private static final TypeReference<TreeMap<String, String>> CURSORS = new TypeReference<>() {
	};

	private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");

	private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");

	private final Path directory;

	private final boolean posix;

	// FileLock is held per JVM, not per thread: threads of this JVM are ordered by this monitor.
	private final Object monitor = new Object();

	/**
	 * @param directory where the session files go; created (owner-only) on the first save
	 */
	public FileSessionStore(Path directory) {
		this.directory = directory.toAbsolutePath().normalize();
		this.posix = this.directory.getFileSystem().supportedFileAttributeViews().contains("posix");
	}

	/** @return the directory holding the session files */
	public Path getDirectory() {
		return this.directory;
	}

	/**
	 * The file a key's session is kept in.
	 * @param key the key
	 * @return the file, inside {@link #getDirectory()}
	 */
	public Path fileFor(String key) {
		return this.directory.resolve(fileName(key) + ".json");
	}

	@Override
	public Optional<StoredSession> load(String key) {
		try {
			return Optional.of(StoredSession.fromJson(Files.readString(fileFor(key), StandardCharsets.UTF_8)));
		}
		catch (NoSuchFileException ex) {
			return Optional.empty();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the session file for key '" + key + "'", ex);
		}
	}

	@Override
	public StoredSession save(String key, SessionData data, long expectedVersion) {
		StoredSession next = new StoredSession(data, expectedVersion + 1);
		Path target = fileFor(key);
		return locked(key, () -> {
			long found = load(key).map(StoredSession::version).orElse(SessionStore.NO_VERSION);
			if (found != expectedVersion) {
				throw new SessionStoreConflictException(key, expectedVersion, found);
			}
			writeAtomically(target, next.toJson());
			return next;
		});
	}

	@Override
	public boolean delete(String key) {
		if (!Files.isDirectory(this.directory)) {
			return false;
		}
		return locked(key, () -> Files.deleteIfExists(fileFor(key)));
	}

	/**
	 * The file a scope's delivery cursors are kept in.
	 * @param scope the scope
	 * @return the file, inside {@link #getDirectory()}
	 */
	public Path cursorFileFor(String scope) {
		return this.directory.resolve(fileName(scope) + ".cursors.json");
	}

	@Override
	public OptionalLong lastDelivered(String scope, long channelId) {
		String id = readCursors(scope).get(Long.toString(channelId));
		return (id != null) ? OptionalLong.of(Long.parseLong(id)) : OptionalLong.empty();
	}

	@Override
	public void advance(String scope, long channelId, long messageId) {
		Path target = cursorFileFor(scope);
		// Locked on its own lock file, so cursors never wait for a session save and the reverse.
		locked(scope + ".cursors", () -> {
			TreeMap<String, String> cursors = readCursors(scope);
			String channel = Long.toString(channelId);
			String current = cursors.get(channel);
			if (current == null || Long.parseLong(current) < messageId) {
				cursors.put(channel, Long.toString(messageId));
				writeAtomically(target, JSON.writeValueAsString(cursors));
			}
			return null;
		});
	}

	private TreeMap<String, String> readCursors(String scope) {
		try {
			return JSON.readValue(Files.readString(cursorFileFor(scope), StandardCharsets.UTF_8), CURSORS);
		}
		catch (NoSuchFileException ex) {
			return new TreeMap<>();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the delivery cursors of scope '" + scope + "'", ex);
		}
		catch (JacksonException ex) {
			throw new UncheckedIOException("Delivery cursors of scope '" + scope + "' are not valid JSON",
					new IOException(ex.getClass().getSimpleName()));
		}
	}

	private void writeAtomically(Path target, String json) throws IOException {
		Path temp = Files.createTempFile(this.directory, "." + target.getFileName() + ".", ".tmp", ownerOnly(false));
		try {
			try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE,
					StandardOpenOption.TRUNCATE_EXISTING)) {
				channel.write(StandardCharsets.UTF_8.encode(json));
				// On disk before the rename, so a crash leaves the old session or the new one.
				channel.force(true);
			}
			try {
				Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			}
			catch (AtomicMoveNotSupportedException ex) {
				Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
			}
		}
		finally {
			Files.deleteIfExists(temp);
		}
	}

	private <T> T locked(String key, IoAction<T> action) {
		synchronized (this.monitor) {
			try {
				createDirectory();
				Path lockFile = this.directory.resolve(fileName(key) + ".json.lock");
				if (Files.notExists(lockFile)) {
					try {
						Files.createFile(lockFile, ownerOnly(false));
					}
					catch (java.nio.file.FileAlreadyExistsException ex) {
						// Another process created it first: fine, it is only locked.
					}
				}
				try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
						FileLock lock = channel.lock()) {
					return action.run();
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot write the session file for key '" + key + "'", ex);
			}
		}
	}

	private void createDirectory() throws IOException {
		if (!Files.isDirectory(this.directory)) {
			Files.createDirectories(this.directory, ownerOnly(true));
		}
	}

	private FileAttribute<?>[] ownerOnly(boolean directory) {
		if (!this.posix) {
			return new FileAttribute<?>[0];
		}
		return new FileAttribute<?>[] {
				PosixFilePermissions.asFileAttribute(directory ? OWNER_ONLY_DIRECTORY : OWNER_ONLY_FILE) };
	}

	/**
	 * A file name for any key: URL-encoded (so {@code /} and {@code ..} cannot leave the
	 * directory) and never starting with a dot (hidden files are this store's temporary files).
	 */
	static String fileName(String key) {
		if (key.isEmpty()) {
			throw new IllegalArgumentException("Session key must not be empty");
		}
		String encoded = URLEncoder.encode(key, StandardCharsets.UTF_8).replace("*", "%2A");
		return encoded.startsWith(".") ? "%2E" + encoded.substring(1) : encoded;
	}

	@Override
	public String toString() {
		return "FileSessionStore[directory=" + this.directory + "]";
	}

	@FunctionalInterface
	private interface IoAction<T> {

		T run() throws IOException;

	}

}
