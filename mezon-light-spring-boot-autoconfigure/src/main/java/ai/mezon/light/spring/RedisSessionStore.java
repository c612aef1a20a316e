package ai.mezon.light.spring;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

import ai.mezon.light.MezonSessionException;
import ai.mezon.light.message.ChannelType;
import ai.mezon.light.session.DeliveryCursorStore;
import ai.mezon.light.session.JoinedChannelStore;
import ai.mezon.light.session.Session;
import ai.mezon.light.session.SessionData;
import ai.mezon.light.session.SessionStore;
import ai.mezon.light.session.SessionStoreConflictException;
import ai.mezon.light.session.StoredSession;

/**
 * A {@link SessionStore} in Redis, through Spring Data Redis: one string key per session, holding
 * the JSON of {@link StoredSession#toJson()} (the TypeScript SDK's export shape plus
 * {@code version}), expiring when the refresh token does, since the session is useless after.
 *
 * <p>The compare-and-set is a Lua script, so reading the stored version and writing happen
 * atomically in Redis, whatever the number of instances.
 *
 * <p>As a {@link DeliveryCursorStore} it keeps one hash per scope, {@code <prefix><scope>#cursors},
 * from channel id to the last delivered message id (decimal strings, without expiry); an advance is
 * a Lua script keeping the larger id, compared as decimal strings since Lua's numbers cannot hold
 * 64-bit snowflakes exactly. As a {@link JoinedChannelStore}, one more hash per scope,
 * {@code <prefix><scope>#channels}, from channel id to its wire type (3 DM, 2 group).
 *
 * <p>A value that cannot be read (a session whose JSON was cut short, a cursor or channel hash
 * overwritten with a value of another Redis type) never stops the application: it is logged as a
 * WARN naming the store and the key, renamed to {@code <key>.corrupt-<UTC timestamp>} (set aside,
 * kept as long as its time to live, for a post-mortem) and read as absent, so the next save writes a
 * fresh one. Single cursor or channel entries that are not ids are skipped with a WARN. The
 * renaming uses two keys in one script: on Redis Cluster the prefix should carry a hash tag
 * ({@code mezon:{bot}:}) so both keys land in one slot.
 */
public class RedisSessionStore implements SessionStore, DeliveryCursorStore, JoinedChannelStore {

	private static final Logger logger = LoggerFactory.getLogger(RedisSessionStore.class);

	private static final DateTimeFormatter CORRUPT_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'");

	/** What {@link #COMPARE_AND_SET} answers when the stored value is not a JSON object. */
	private static final long UNREADABLE = -2;

	/** The default key prefix. */
	public static final String DEFAULT_KEY_PREFIX = "mezon:session:";

	/** The shortest time to live given to a session, so one about to expire is still written. */
	private static final Duration MIN_TTL = Duration.ofSeconds(1);

	// Returns -1 once written, -2 when the stored value is not a JSON object, else the version found
	// (0 when none; 1 for JSON without version, as StoredSession.fromJson reads it).
	private static final RedisScript<Long> COMPARE_AND_SET = RedisScript.of("""
			local current = redis.call('GET', KEYS[1])
			local found = 0
			if current then
				local ok, decoded = pcall(cjson.decode, current)
				if not ok or type(decoded) ~= 'table' then
					return -2
				end
				found = 1
				if tonumber(decoded['version']) then
					found = math.max(1, tonumber(decoded['version']))
				end
			end
			if found ~= tonumber(ARGV[2]) then
				return found
			end
			redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[3])
			return -1
			""", Long.class);

	// Ids are positive decimals without leading zeros: longer is larger, same length compares as text.
	private static final RedisScript<Long> ADVANCE = RedisScript.of("""
			local current = redis.call('HGET', KEYS[1], ARGV[1])
			local next = ARGV[2]
			if (not current) or (not string.match(current, '^[1-9]%d*$')) or (#current < #next)
					or (#current == #next and current < next) then
				redis.call('HSET', KEYS[1], ARGV[1], next)
				return 1
			end
			return 0
			""", Long.class);

	// Renames KEYS[1] to KEYS[2] only if it still holds ARGV[1] (a string value) or, when ARGV[1] is
	// empty, only if it is not a hash: a writer may have replaced it with a good value since.
	private static final RedisScript<Long> SET_ASIDE = RedisScript.of("""
			local kind = redis.call('TYPE', KEYS[1])['ok']
			if kind == 'none' then
				return 0
			end
			if ARGV[1] ~= '' then
				if kind ~= 'string' or redis.call('GET', KEYS[1]) ~= ARGV[1] then
					return 0
				end
			elseif kind == 'hash' then
				return 0
			end
			redis.call('RENAME', KEYS[1], KEYS[2])
			return 1
			""", Long.class);

	private final StringRedisTemplate redis;

	private final String keyPrefix;

	private final Clock clock;

	/**
	 * A store under {@value #DEFAULT_KEY_PREFIX}.
	 * @param redis the template
	 */
	public RedisSessionStore(StringRedisTemplate redis) {
		this(redis, DEFAULT_KEY_PREFIX, Clock.systemUTC());
	}

	/**
	 * @param redis the template
	 * @param keyPrefix prepended to each session key
	 * @param clock the clock the time to live is computed with
	 */
	public RedisSessionStore(StringRedisTemplate redis, String keyPrefix, Clock clock) {
		this.redis = redis;
		this.keyPrefix = keyPrefix;
		this.clock = clock;
	}

	/**
	 * The Redis key a session is kept under.
	 * @param key the session key
	 * @return the prefixed Redis key
	 */
	public String redisKey(String key) {
		return this.keyPrefix + key;
	}

	@Override
	public Optional<StoredSession> load(String key) {
		String json = this.redis.opsForValue().get(redisKey(key));
		if (json == null) {
			return Optional.empty();
		}
		try {
			return Optional.of(StoredSession.fromJson(json));
		}
		catch (MezonSessionException ex) {
			setAside(redisKey(key), json, "the session stored under key '" + key + "'", ex.getMessage());
			return Optional.empty();
		}
	}

	/**
	 * {@inheritDoc}
	 * @throws ai.mezon.light.MezonSessionException if the refresh token cannot be read, as its
	 * expiry sets the key's time to live
	 */
	@Override
	public StoredSession save(String key, SessionData data, long expectedVersion) {
		StoredSession next = new StoredSession(data, expectedVersion + 1);
		Duration ttl = Duration.between(this.clock.instant(), Session.restore(data).getRefreshExpiresAt());
		if (ttl.compareTo(MIN_TTL) < 0) {
			ttl = MIN_TTL;
		}
		Long result = compareAndSet(key, next, expectedVersion, ttl);
		if (result != null && result == UNREADABLE) {
			// An unreadable value in the way: set it aside (load does), then the key is free.
			load(key);
			result = compareAndSet(key, next, expectedVersion, ttl);
		}
		if (result == null || result != -1) {
			throw new SessionStoreConflictException(key, expectedVersion, (result != null && result >= 0) ? result : -1);
		}
		return next;
	}

	private @Nullable Long compareAndSet(String key, StoredSession next, long expectedVersion, Duration ttl) {
		return this.redis.execute(COMPARE_AND_SET, List.of(redisKey(key)), next.toJson(),
				Long.toString(expectedVersion), Long.toString(ttl.toMillis()));
	}

	/**
	 * Renames an unreadable key to {@code <key>.corrupt-<timestamp>} and logs it.
	 * @param redisKey the key
	 * @param value the unreadable string value, or {@code null} when the key holds another type
	 * @param what what it held, for the log line
	 * @param reason why it is unreadable; never a value
	 */
	private void setAside(String redisKey, @Nullable String value, String what, String reason) {
		String aside = redisKey + ".corrupt-" + OffsetDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC)
			.format(CORRUPT_STAMP);
		Long moved = this.redis.execute(SET_ASIDE, List.of(redisKey, aside), (value != null) ? value : "");
		if (moved != null && moved == 1) {
			logger.warn("{}: {} is unreadable ({}); set aside as Redis key '{}', reading it as absent", this, what,
					reason, aside);
		}
	}

	@Override
	public boolean delete(String key) {
		return Boolean.TRUE.equals(this.redis.delete(redisKey(key)));
	}

	/**
	 * The Redis hash a scope's delivery cursors are kept in.
	 * @param scope the scope
	 * @return the prefixed Redis key
	 */
	public String cursorKey(String scope) {
		return this.keyPrefix + scope + "#cursors";
	}

	@Override
	public OptionalLong lastDelivered(String scope, long channelId) {
		Object id = readingHash(cursorKey(scope), "the delivery cursors of scope '" + scope + "'",
				() -> this.redis.opsForHash().get(cursorKey(scope), Long.toString(channelId)), null);
		if (id == null) {
			return OptionalLong.empty();
		}
		if (!isId(id.toString())) {
			logger.warn("{}: ignoring the unreadable delivery cursor of scope '{}', channel {}", this, scope, channelId);
			return OptionalLong.empty();
		}
		return OptionalLong.of(Long.parseLong(id.toString()));
	}

	@Override
	public void advance(String scope, long channelId, long messageId) {
		if (messageId <= 0) {
			throw new IllegalArgumentException("A message id is positive, was " + messageId);
		}
		writingHash(cursorKey(scope), "the delivery cursors of scope '" + scope + "'", () -> this.redis
			.execute(ADVANCE, List.of(cursorKey(scope)), Long.toString(channelId), Long.toString(messageId)));
	}

	/**
	 * The Redis hash a scope's joined channels are kept in.
	 * @param scope the scope
	 * @return the prefixed Redis key
	 */
	public String channelKey(String scope) {
		return this.keyPrefix + scope + "#channels";
	}

	@Override
	public Map<Long, ChannelType> joinedChannels(String scope) {
		Map<Object, Object> entries = readingHash(channelKey(scope), "the joined channels of scope '" + scope + "'",
				() -> this.redis.opsForHash().entries(channelKey(scope)), Map.of());
		TreeMap<Long, ChannelType> joined = new TreeMap<>();
		entries.forEach((id, type) -> {
			ChannelType kind = channelType(String.valueOf(type));
			if (!isId(String.valueOf(id)) || kind == null) {
				logger.warn("{}: ignoring an unreadable joined channel of scope '{}'", this, scope);
			}
			else {
				joined.put(Long.parseLong(String.valueOf(id)), kind);
			}
		});
		return Collections.unmodifiableMap(joined);
	}

	@Override
	public void channelJoined(String scope, long channelId, ChannelType type) {
		if (channelId <= 0) {
			throw new IllegalArgumentException("A channel id is positive, was " + channelId);
		}
		writingHash(channelKey(scope), "the joined channels of scope '" + scope + "'", () -> {
			this.redis.opsForHash().put(channelKey(scope), Long.toString(channelId), Integer.toString(type.wireType()));
			return null;
		});
	}

	@Override
	public void channelLeft(String scope, long channelId) {
		writingHash(channelKey(scope), "the joined channels of scope '" + scope + "'",
				() -> this.redis.opsForHash().delete(channelKey(scope), Long.toString(channelId)));
	}

	/** Runs a read of a hash; a key of another Redis type is set aside and reads as {@code absent}. */
	private <T> T readingHash(String key, String what, Supplier<T> read, T absent) {
		try {
			return read.get();
		}
		catch (DataAccessException ex) {
			if (!isWrongType(ex)) {
				throw ex;
			}
			setAside(key, null, what, "not a hash");
			return absent;
		}
	}

	/** Runs a write to a hash; a key of another Redis type is set aside and the write made again. */
	private <T> void writingHash(String key, String what, Supplier<T> write) {
		try {
			write.get();
		}
		catch (DataAccessException ex) {
			if (!isWrongType(ex)) {
				throw ex;
			}
			setAside(key, null, what, "not a hash");
			write.get();
		}
	}

	private static boolean isWrongType(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause.getMessage() != null && cause.getMessage().contains("WRONGTYPE")) {
				return true;
			}
		}
		return false;
	}

	private static boolean isId(String value) {
		if (value.isEmpty() || value.length() > 19 || !value.chars().allMatch(Character::isDigit)) {
			return false;
		}
		try {
			return Long.parseLong(value) > 0;
		}
		catch (NumberFormatException ex) {
			return false;
		}
	}

	private static @Nullable ChannelType channelType(String wireType) {
		for (ChannelType type : ChannelType.values()) {
			if (Integer.toString(type.wireType()).equals(wireType)) {
				return type;
			}
		}
		return null;
	}

	@Override
	public String toString() {
		return "RedisSessionStore[keyPrefix=" + this.keyPrefix + "]";
	}

}
