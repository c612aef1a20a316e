package ai.mezon.light.autoconfigure;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

import ai.mezon.light.DeliveryCursorStore;
import ai.mezon.light.Session;
import ai.mezon.light.SessionData;
import ai.mezon.light.SessionStore;
import ai.mezon.light.SessionStoreConflictException;
import ai.mezon.light.StoredSession;

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
 * 64-bit snowflakes exactly.
 */
public class RedisSessionStore implements SessionStore, DeliveryCursorStore {

	/** The default key prefix. */
	public static final String DEFAULT_KEY_PREFIX = "mezon:session:";

	/** The shortest time to live given to a session, so one about to expire is still written. */
	private static final Duration MIN_TTL = Duration.ofSeconds(1);

	// Returns -1 once written, else the version found (0 when none; 1 for JSON without version,
	// as StoredSession.fromJson reads it).
	private static final RedisScript<Long> COMPARE_AND_SET = RedisScript.of("""
			local current = redis.call('GET', KEYS[1])
			local found = 0
			if current then
				found = 1
				local ok, decoded = pcall(cjson.decode, current)
				if ok and type(decoded) == 'table' and tonumber(decoded['version']) then
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
			if (not current) or (#current < #next) or (#current == #next and current < next) then
				redis.call('HSET', KEYS[1], ARGV[1], next)
				return 1
			end
			return 0
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
		return (json != null) ? Optional.of(StoredSession.fromJson(json)) : Optional.empty();
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
		Long result = this.redis.execute(COMPARE_AND_SET, List.of(redisKey(key)), next.toJson(),
				Long.toString(expectedVersion), Long.toString(ttl.toMillis()));
		if (result == null || result != -1) {
			throw new SessionStoreConflictException(key, expectedVersion, (result != null) ? result : -1);
		}
		return next;
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
		Object id = this.redis.opsForHash().get(cursorKey(scope), Long.toString(channelId));
		return (id != null) ? OptionalLong.of(Long.parseLong(id.toString())) : OptionalLong.empty();
	}

	@Override
	public void advance(String scope, long channelId, long messageId) {
		if (messageId <= 0) {
			throw new IllegalArgumentException("A message id is positive, was " + messageId);
		}
		this.redis.execute(ADVANCE, List.of(cursorKey(scope)), Long.toString(channelId), Long.toString(messageId));
	}

	@Override
	public String toString() {
		return "RedisSessionStore[keyPrefix=" + this.keyPrefix + "]";
	}

}
