package ai.mezon.light.autoconfigure;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.json.JsonMapper;

import ai.mezon.light.StoreContract;
import ai.mezon.light.message.ChannelType;
import ai.mezon.light.session.SessionData;
import ai.mezon.light.session.SessionStore;
import ai.mezon.light.session.StoredSession;
import ai.mezon.light.spring.RedisSessionStore;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link RedisSessionStore} against a real Redis (container or local), each test under a key
 * prefix of its own: the {@link StoreContract} every store keeps, unreadable values included, and
 * what is particular to Redis.
 */
class RedisSessionStoreTests extends StoreContract.Corruptible {

	private static LettuceConnectionFactory connectionFactory;

	private StringRedisTemplate redis;

	private String prefix;

	private RedisSessionStore store;

	@BeforeAll
	static void connect() {
		connectionFactory = TestServices.redisConnectionFactory();
	}

	@AfterAll
	static void disconnect() {
		connectionFactory.destroy();
	}

	@BeforeEach
	void createStore() {
		this.redis = new StringRedisTemplate(connectionFactory);
		this.redis.afterPropertiesSet();
		this.prefix = TestServices.unique("mezon-test:") + ":";
		this.store = new RedisSessionStore(this.redis, this.prefix, java.time.Clock.systemUTC());
	}

	@AfterEach
	void deleteKeys() {
		Set<String> keys = this.redis.keys(this.prefix + "*");
		if (keys != null && !keys.isEmpty()) {
			this.redis.delete(keys);
		}
	}

	@Override
	protected Object store() {
		return this.store;
	}

	@Override
	protected void writeUnreadableSession(String key) {
		// A value cut short: a writer (another client, a restore) that died half-way.
		this.redis.opsForValue().set(this.store.redisKey(key), "{\"token\":\"eyJhbGciOi\",\"refresh_to");
	}

	@Override
	protected boolean unreadableSessionWasSetAside(String key) {
		Set<String> aside = this.redis.keys(this.store.redisKey(key) + ".corrupt-*");
		return aside != null && aside.size() == 1
				&& this.redis.opsForValue().get(aside.iterator().next()).startsWith("{\"token\":\"eyJhbGciOi\"");
	}

	@Override
	protected void writeUnreadableCursors(String scope) {
		this.redis.opsForValue().set(this.store.cursorKey(scope), "not a hash");
	}

	@Override
	protected void writeUnreadableChannels(String scope) {
		this.redis.opsForList().leftPush(this.store.channelKey(scope), "not a hash");
	}

	@Override
	protected void addUnreadableChannelEntry(String scope) {
		this.redis.opsForHash().put(this.store.channelKey(scope), "12", "1");
		this.redis.opsForHash().put(this.store.channelKey(scope), "x", "3");
	}

	@Test
	void anUnreadableCursorValueIsSkippedAndOverwritten() {
		this.redis.opsForHash().put(this.store.cursorKey("bot"), "10", "garbage");
		assertThat(this.store.lastDelivered("bot", 10)).isEmpty();
		this.store.advance("bot", 10, 5);
		assertThat(this.store.lastDelivered("bot", 10)).hasValue(5);
	}

	@Test
	void channelsHoldTheWireType() {
		this.store.channelJoined("wire", 5, ChannelType.DM);
		this.store.channelJoined("wire", 6, ChannelType.GROUP);
		assertThat(this.redis.opsForHash().entries(this.store.channelKey("wire")))
			.containsExactlyInAnyOrderEntriesOf(java.util.Map.of("5", "3", "6", "2"));
	}

	@Test
	void keyExpiresWithTheRefreshToken() {
		Instant refreshExpiry = Instant.now().plus(Duration.ofHours(6));
		this.store.save("ttl", TestSessions.session(Instant.now().plus(Duration.ofHours(1)), refreshExpiry),
				SessionStore.NO_VERSION);
		Long ttl = this.redis.getExpire(this.prefix + "ttl", TimeUnit.SECONDS);
		assertThat(ttl).isBetween(Duration.ofHours(6).minusMinutes(1).toSeconds(), Duration.ofHours(6).toSeconds());
	}

	@Test
	void valueIsTheExportShapeReadableAsSessionData() {
		SessionData data = TestSessions.fresh(Instant.now());
		this.store.save("json", data, SessionStore.NO_VERSION);
		String json = this.redis.opsForValue().get(this.prefix + "json");
		assertThat(json).contains("\"refresh_token\":", "\"api_url\":", "\"user_id\":\"" + data.userId() + "\"",
				"\"version\":1");
		assertThat(JsonMapper.shared().readValue(json, SessionData.class)).isEqualTo(data);
	}

	@Test
	void plainExportWrittenByAnotherClientReadsAsVersionOne() {
		SessionData data = TestSessions.fresh(Instant.now());
		this.redis.opsForValue().set(this.prefix + "js", JsonMapper.shared().writeValueAsString(data));
		assertThat(this.store.load("js")).contains(new StoredSession(data, 1));
		assertThat(this.store.save("js", data, 1).version()).isEqualTo(2);
	}

}
