package ai.mezon.light.session;

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
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import ai.mezon.light.MezonException;
import ai.mezon.light.message.ChannelType;

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
 * the same way under the same kind of lock. As a {@link JoinedChannelStore}, one more again,
 * {@code <scope>.channels.json}: a JSON object from channel id to {@code "DM"} or {@code "GROUP"}.
 *
 * <p>A file that cannot be read as what it should hold (truncated by a crash of another writer,
 * edited by hand) never stops the application: it is logged as a WARN naming the store and the
 * key, renamed to {@code <file>.corrupt-<UTC timestamp>} beside it (set aside, not deleted, for a
 * post-mortem) and read as absent, so the caller signs in with its configured credentials and the
 * next save writes a fresh file. Single cursor or channel entries that are not ids are skipped with
 * a WARN the same way.
 */
public final class FileSessionStore implements SessionStore, DeliveryCursorStore, JoinedChannelStore {

	private static final Logger logger = LoggerFactory.getLogger(FileSessionStore.class);

	private static final DateTimeFormatter CORRUPT_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'");

	private static final JsonMapper JSON = JsonMapper.shared();

	private static final TypeReference<TreeMap<String, String>> CURSORS = new TypeReference<>() {
	};

	private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");

	private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");

	private final Path directory;

	private final boolean posix;

	/**
	 * A FileLock is held per JVM, not per thread, and a second lock of one file in the same JVM throws
	 * OverlappingFileLockException: threads of this JVM are ordered by one monitor per lock file,
	 * shared by every store instance (two stores on one directory are common in tests and demos).
	 */
	private static final java.util.concurrent.ConcurrentMap<Path, Object> MONITORS = new java.util.concurrent.ConcurrentHashMap<>();

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
		return Optional.ofNullable(readOrSetAside(fileFor(key), key, "session", StoredSession::fromJson, null, false));
	}

	@Override
	public StoredSession save(String key, SessionData data, long expectedVersion) {
		StoredSession next = new StoredSession(data, expectedVersion + 1);
		Path target = fileFor(key);
		return locked(key, () -> {
			StoredSession current = readOrSetAside(target, key, "session", StoredSession::fromJson, null, true);
			long found = (current != null) ? current.version() : SessionStore.NO_VERSION;
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
		String id = readCursors(scope, false).get(Long.toString(channelId));
		return (id != null) ? OptionalLong.of(Long.parseLong(id)) : OptionalLong.empty();
	}

	@Override
	public void advance(String scope, long channelId, long messageId) {
		Path target = cursorFileFor(scope);
		// Locked on its own lock file, so cursors never wait for a session save and the reverse.
		locked(scope + ".cursors", () -> {
			TreeMap<String, String> cursors = readCursors(scope, true);
			String channel = Long.toString(channelId);
			String current = cursors.get(channel);
			if (current == null || Long.parseLong(current) < messageId) {
				cursors.put(channel, Long.toString(messageId));
				writeAtomically(target, JSON.writeValueAsString(cursors));
			}
			return null;
		});
	}

	/** @return the cursors, without entries that are not two positive ids (skipped with a WARN) */
	private TreeMap<String, String> readCursors(String scope, boolean lockHeld) {
		TreeMap<String, String> cursors = readOrSetAside(cursorFileFor(scope), scope + ".cursors",
				"delivery cursors", (json) -> JSON.readValue(json, CURSORS), null, lockHeld);
		if (cursors == null) {
			return new TreeMap<>();
		}
		cursors.entrySet().removeIf((entry) -> {
			boolean bad = !isId(entry.getKey()) || !isId(entry.getValue());
			if (bad) {
				logger.warn("{}: ignoring an unreadable delivery cursor of scope '{}' (channel '{}')", this,
						scope, abbreviate(entry.getKey()));
			}
			return bad;
		});
		return cursors;
	}

	/**
	 * The file a scope's joined channels are kept in.
	 * @param scope the scope
	 * @return the file, inside {@link #getDirectory()}
	 */
	public Path channelFileFor(String scope) {
		return this.directory.resolve(fileName(scope) + ".channels.json");
	}

	@Override
	public Map<Long, ChannelType> joinedChannels(String scope) {
		TreeMap<Long, ChannelType> joined = new TreeMap<>();
		readChannels(scope, false).forEach((id, type) -> joined.put(Long.parseLong(id), ChannelType.valueOf(type)));
		return Collections.unmodifiableMap(joined);
	}

	@Override
	public void channelJoined(String scope, long channelId, ChannelType type) {
		if (channelId <= 0) {
			throw new IllegalArgumentException("A channel id is positive, was " + channelId);
		}
		updateChannels(scope, (channels) -> !type.name().equals(channels.put(Long.toString(channelId), type.name())));
	}

	@Override
	public void channelLeft(String scope, long channelId) {
		updateChannels(scope, (channels) -> channels.remove(Long.toString(channelId)) != null);
	}

	private void updateChannels(String scope, Function<TreeMap<String, String>, Boolean> change) {
		Path target = channelFileFor(scope);
		locked(scope + ".channels", () -> {
			TreeMap<String, String> channels = readChannels(scope, true);
			if (change.apply(channels)) {
				writeAtomically(target, JSON.writeValueAsString(channels));
			}
			return null;
		});
	}

	/** @return the channels, without entries that are not an id and a type (skipped with a WARN) */
	private TreeMap<String, String> readChannels(String scope, boolean lockHeld) {
		TreeMap<String, String> channels = readOrSetAside(channelFileFor(scope), scope + ".channels",
				"joined channels", (json) -> JSON.readValue(json, CURSORS), null, lockHeld);
		if (channels == null) {
			return new TreeMap<>();
		}
		channels.entrySet().removeIf((entry) -> {
			boolean bad = !isId(entry.getKey()) || !isChannelType(entry.getValue());
			if (bad) {
				logger.warn("{}: ignoring an unreadable joined channel of scope '{}' (channel '{}')", this, scope,
						abbreviate(entry.getKey()));
			}
			return bad;
		});
		return channels;
	}

	private static boolean isId(@Nullable String value) {
		if (value == null || value.isEmpty() || value.length() > 19 || !value.chars().allMatch(Character::isDigit)) {
			return false;
		}
		try {
			return Long.parseLong(value) > 0;
		}
		catch (NumberFormatException ex) {
			return false;
		}
	}

	private static boolean isChannelType(@Nullable String value) {
		for (ChannelType type : ChannelType.values()) {
			if (type.name().equals(value)) {
				return true;
			}
		}
		return false;
	}

	private static String abbreviate(String value) {
		return (value.length() <= 32) ? value : value.substring(0, 32) + "...";
	}

	/**
	 * Reads and parses a file; a file that does not parse is set aside (renamed to
	 * {@code <file>.corrupt-<timestamp>}) with a WARN and read as absent.
	 * @param file the file
	 * @param lockKey the key of the lock guarding it
	 * @param what what the file holds, for the log line
	 * @param parse the parser; any runtime exception means corrupt
	 * @param absent what an absent or corrupt file reads as
	 * @param lockHeld whether the caller holds the lock already (file locks are not reentrant)
	 */
	private <T> @Nullable T readOrSetAside(Path file, String lockKey, String what, Function<String, T> parse,
			@Nullable T absent, boolean lockHeld) {
		String text = readIfExists(file);
		if (text == null) {
			return absent;
		}
		try {
			return parse.apply(text);
		}
		catch (RuntimeException ex) {
			// Set aside under the lock, and only the very content found corrupt: a writer may have
			// replaced it with a good one since.
			IoAction<@Nullable Void> setAside = () -> {
				if (text.equals(readIfExists(file))) {
					Path aside = setAside(file);
					logger.warn("{}: the {} stored under key '{}' cannot be read ({}); set aside as {}, reading it "
							+ "as absent", this, what, lockKey, reason(ex), aside.getFileName());
				}
				return null;
			};
			if (lockHeld) {
				try {
					setAside.run();
				}
				catch (IOException io) {
					throw new UncheckedIOException("Cannot set aside the unreadable file for key '" + lockKey + "'", io);
				}
			}
			else {
				locked(lockKey, setAside);
			}
			return absent;
		}
	}

	/** The exception's type and, for our own exceptions (which never quote values), its message. */
	private static String reason(RuntimeException ex) {
		return (ex instanceof MezonException) ? ex.getMessage() : ex.getClass().getSimpleName();
	}

	private @Nullable String readIfExists(Path file) {
		try {
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (NoSuchFileException ex) {
			return null;
		}
		catch (java.nio.charset.MalformedInputException ex) {
			// Not UTF-8 at all: as unreadable as bad JSON.
			return "\u0000not UTF-8";
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + file.getFileName(), ex);
		}
	}

	private Path setAside(Path file) throws IOException {
		String stamp = ZonedDateTime.now(ZoneOffset.UTC).format(CORRUPT_STAMP);
		for (int attempt = 0;; attempt++) {
			Path aside = file.resolveSibling(file.getFileName() + ".corrupt-" + stamp + ((attempt > 0) ? "-" + attempt : ""));
			try {
				Files.move(file, aside);
				return aside;
			}
			catch (java.nio.file.FileAlreadyExistsException ex) {
				if (attempt > 100) {
					throw ex;
				}
			}
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
		Path lockFile = this.directory.resolve(fileName(key) + ".json.lock").toAbsolutePath().normalize();
		synchronized (MONITORS.computeIfAbsent(lockFile, (path) -> new Object())) {
			try {
				createDirectory();
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
