package ai.mezon.light.test.internal;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

import ai.mezon.light.message.ChannelType;
import ai.mezon.light.proto.api.ChannelMessage;
import ai.mezon.light.test.TestChannel;
import ai.mezon.light.test.TestUser;

/**
 * What the test server remembers: users, channels and their members, uploaded files. Concurrent
 * maps only, no global lock: REST handlers and socket sessions read and write it from many threads.
 */
public final class ServerState {

	private final Snowflakes ids;

	private final Map<Long, TestUser> users = new ConcurrentHashMap<>();

	private final Map<Long, TestChannel> channels = new ConcurrentHashMap<>();

	/** DM per unordered user pair, so the same pair gets the same DM back. */
	private final Map<String, Long> dmByPair = new ConcurrentHashMap<>();

	private final Map<String, StoredObject> objects = new ConcurrentHashMap<>();

	/** Messages per channel, in the order they were accepted; each entry holds its latest version. */
	private final Map<Long, Queue<StoredMessage>> history = new ConcurrentHashMap<>();

	/** The same entries by message id, so an edit or deletion finds its message at once. */
	private final Map<Long, StoredMessage> messagesById = new ConcurrentHashMap<>();

	/** Per message, per emoji, the users reacting with it. */
	private final Map<Long, Map<String, Set<Long>>> reactions = new ConcurrentHashMap<>();

	/** Told of every new channel (the socket side pushes {@code user_channel_added_event}). */
	private final List<Consumer<TestChannel>> channelCreatedListeners = new CopyOnWriteArrayList<>();

	public ServerState(Snowflakes ids) {
		this.ids = ids;
	}

	/** @return the id generator */
	public Snowflakes ids() {
		return this.ids;
	}

	/**
	 * Finds or creates a user.
	 * @param id the id, or {@code null} for a new snowflake
	 * @param username the name (kept from the first time the user was seen)
	 * @return the user
	 */
	public TestUser user(@Nullable Long id, String username) {
		long userId = (id != null) ? id : this.ids.next();
		return this.users.computeIfAbsent(userId, (key) -> new TestUser(key, username));
	}

	/** @return the user with that id, if known */
	public Optional<TestUser> findUser(long id) {
		return Optional.ofNullable(this.users.get(id));
	}

	/** @return every known user */
	public Collection<TestUser> users() {
		return List.copyOf(this.users.values());
	}

	/**
	 * Finds the DM of two users or creates it.
	 * @param creator the user asking
	 * @param peer the other user
	 * @return the DM and whether it was created now
	 */
	public Created dm(long creator, long peer) {
		String pair = Math.min(creator, peer) + ":" + Math.max(creator, peer);
		boolean[] created = new boolean[1];
		long channelId = this.dmByPair.computeIfAbsent(pair, (key) -> {
			TestChannel channel = new TestChannel(this.ids.next(), ChannelType.DM, creator, Set.of(creator, peer), "");
			this.channels.put(channel.id(), channel);
			created[0] = true;
			return channel.id();
		});
		TestChannel channel = this.channels.get(channelId);
		if (created[0]) {
			channelCreated(channel);
		}
		return new Created(channel, created[0]);
	}

	/**
	 * Creates a group DM.
	 * @param creator the user asking (becomes a member)
	 * @param others the other members
	 * @param label the label
	 * @return the new channel
	 */
	public TestChannel group(long creator, Collection<Long> others, String label) {
		Set<Long> members = new LinkedHashSet<>();
		members.add(creator);
		members.addAll(others);
		TestChannel channel = new TestChannel(this.ids.next(), ChannelType.GROUP, creator, members, label);
		this.channels.put(channel.id(), channel);
		channelCreated(channel);
		return channel;
	}

	/**
	 * Registers a listener told of every channel created from now on (after it is stored), on the
	 * creating thread.
	 * @param listener the listener
	 */
	public void addChannelCreatedListener(Consumer<TestChannel> listener) {
		this.channelCreatedListeners.add(listener);
	}

	private void channelCreated(TestChannel channel) {
		for (Consumer<TestChannel> listener : this.channelCreatedListeners) {
			listener.accept(channel);
		}
	}

	/**
	 * Appends an accepted message to its channel's history.
	 * @param message the message, with its server-given id
	 */
	public void appendMessage(ChannelMessage message) {
		StoredMessage stored = new StoredMessage(message);
		this.messagesById.put(message.getMessageId(), stored);
		this.history.computeIfAbsent(message.getChannelId(), (key) -> new ConcurrentLinkedQueue<>()).add(stored);
	}

	/**
	 * @param channelId a channel id
	 * @return the channel's messages, oldest first, each in its latest version (edited content,
	 * code 1; deleted ones stay as code 2 with no content) (a snapshot)
	 */
	public List<ChannelMessage> messages(long channelId) {
		Queue<StoredMessage> messages = this.history.get(channelId);
		return (messages != null) ? messages.stream().map((stored) -> stored.message).toList() : List.of();
	}

	/**
	 * @param channelId the channel it must be in
	 * @param messageId a message id
	 * @return the latest version of that message, if the channel has it
	 */
	public Optional<ChannelMessage> findMessage(long channelId, long messageId) {
		StoredMessage stored = this.messagesById.get(messageId);
		return (stored != null && stored.message.getChannelId() == channelId) ? Optional.of(stored.message)
				: Optional.empty();
	}

	/**
	 * Replaces a stored message with a new version (an edit or a deletion). Callers serialise
	 * changes of one channel (the socket side holds the channel's lock).
	 * @param message the new version, with the same id
	 */
	public void replaceMessage(ChannelMessage message) {
		StoredMessage stored = this.messagesById.get(message.getMessageId());
		if (stored == null) {
			throw new IllegalArgumentException("No message " + message.getMessageId());
		}
		stored.message = message;
	}

	/**
	 * Adds or removes a user's reaction with an emoji on a message (a user counts once per emoji).
	 * @param messageId the message
	 * @param emoji the emoji
	 * @param userId the reacting user
	 * @param remove whether to remove it
	 * @return how many users now react to the message with this emoji
	 */
	public int react(long messageId, String emoji, long userId, boolean remove) {
		int[] count = new int[1];
		this.reactions.computeIfAbsent(messageId, (key) -> new ConcurrentHashMap<>()).compute(emoji, (key, users) -> {
			Set<Long> next = (users != null) ? users : ConcurrentHashMap.newKeySet();
			if (remove) {
				next.remove(userId);
			}
			else {
				next.add(userId);
			}
			count[0] = next.size();
			return next.isEmpty() ? null : next;
		});
		return count[0];
	}

	/**
	 * @param messageId a message id
	 * @return how many users react with each emoji (emojis without reactions are absent)
	 */
	public Map<String, Integer> reactionCounts(long messageId) {
		Map<String, Set<Long>> byEmoji = this.reactions.getOrDefault(messageId, Map.of());
		Map<String, Integer> counts = new java.util.HashMap<>();
		byEmoji.forEach((emoji, users) -> counts.put(emoji, users.size()));
		return Map.copyOf(counts);
	}

	/** @return the channel with that id, if any */
	public Optional<TestChannel> findChannel(long id) {
		return Optional.ofNullable(this.channels.get(id));
	}

	/** @return every channel */
	public Collection<TestChannel> channels() {
		return List.copyOf(this.channels.values());
	}

	/** Stores an uploaded object under its path. */
	public void putObject(String path, StoredObject object) {
		this.objects.put(path, object);
	}

	/** @return the object uploaded under that path, if any */
	public Optional<StoredObject> findObject(String path) {
		return Optional.ofNullable(this.objects.get(path));
	}

	/** @return every uploaded object by path */
	public Map<String, StoredObject> objects() {
		return Map.copyOf(this.objects);
	}

	/** A history entry: the latest version of one message. */
	private static final class StoredMessage {

		volatile ChannelMessage message;

		StoredMessage(ChannelMessage message) {
			this.message = message;
		}

	}

	/**
	 * A channel and whether this call created it.
	 * @param channel the channel
	 * @param created whether it is new
	 */
	public record Created(TestChannel channel, boolean created) {
	}

	/**
	 * Bytes uploaded through a presigned URL.
	 * @param contentType the {@code Content-Type} of the upload
	 * @param bytes the content
	 */
	public record StoredObject(String contentType, byte[] bytes) {
	}

}
