package ai.mezon.light.test.internal.ws;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import jakarta.websocket.Session;
import org.jspecify.annotations.Nullable;

import ai.mezon.light.codec.EnvelopeFrames;
import ai.mezon.light.proto.api.ChannelDescription;
import ai.mezon.light.proto.api.ChannelMessage;
import ai.mezon.light.proto.api.MessageAttachment;
import ai.mezon.light.proto.api.MessageMention;
import ai.mezon.light.proto.api.MessageReaction;
import ai.mezon.light.proto.api.MessageRef;
import ai.mezon.light.proto.realtime.Envelope;
import ai.mezon.light.proto.realtime.MessageTypingEvent;
import ai.mezon.light.proto.realtime.UserChannelAdded;
import ai.mezon.light.proto.realtime.UserProfileRedis;
import ai.mezon.light.test.ReceivedFrame;
import ai.mezon.light.test.TestChannel;
import ai.mezon.light.test.TestUser;
import ai.mezon.light.test.internal.ServerState;

/**
 * The socket server's front: wires {@link Connections} (who is connected and joined what),
 * {@link RequestRouter} (what each frame asks), {@link MessageRules} (what a message may become
 * and who is told) and {@link SocketFaults}, and offers the operations tests drive as simulated
 * users. The endpoint calls {@link #open}, {@link #onFrame} and {@link #closed} on Tomcat's
 * threads; test-facing methods run on the test's thread.
 */
public final class SocketHub {

	private final ServerState state;

	private final Clock clock;

	private final SocketFaults faults = new SocketFaults();

	private final Connections connections = new Connections();

	private final MessageRules rules;

	private final RequestRouter router;

	public SocketHub(ServerState state, Clock clock) {
		this(state, clock, true);
	}

	/**
	 * @param state the server's users, channels and history
	 * @param clock the server's clock
	 * @param recordTraffic whether received frames and published messages are kept for inspection
	 */
	public SocketHub(ServerState state, Clock clock, boolean recordTraffic) {
		this.state = state;
		this.clock = clock;
		this.rules = new MessageRules(state, clock, this.connections, recordTraffic);
		this.router = new RequestRouter(this.connections, this.rules, this.faults, recordTraffic);
		state.addChannelCreatedListener(this::channelCreated);
	}

	/** @return the faults tests switch on */
	public SocketFaults faults() {
		return this.faults;
	}

	// The endpoint's side

	ClientConnection open(Session session, long userId, String username) {
		return this.connections.open(session, userId, username);
	}

	void closed(ClientConnection connection) {
		this.connections.closed(connection);
	}

	void onFrame(ClientConnection from, byte[] frame) {
		this.router.onFrame(from, frame);
	}

	void onTextFrame(ClientConnection from) {
		this.router.onTextFrame(from);
	}

	/** Pushes {@code user_channel_added_event} to every connection of every member of a new channel. */
	private void channelCreated(TestChannel channel) {
		List<UserProfileRedis> added = new ArrayList<>();
		UserProfileRedis caller = profile(channel.creatorId());
		ChannelDescription.Builder desc = ChannelDescription.newBuilder()
			.setClanId(0)
			.setChannelId(channel.id())
			.setType(channel.type().wireType())
			.setCreatorId(channel.creatorId())
			.setCreatorName(caller.getUsername())
			.setChannelLabel(channel.label())
			.setChannelPrivate(1)
			.setMemberCount(channel.memberIds().size());
		for (long member : channel.memberIds()) {
			UserProfileRedis profile = profile(member);
			desc.addUserIds(member).addUsernames(profile.getUsername());
			if (member != channel.creatorId()) {
				added.add(profile);
			}
		}
		Envelope event = Envelope.newBuilder()
			.setUserChannelAddedEvent(UserChannelAdded.newBuilder()
				.setChannelDesc(desc)
				.addAllUsers(added)
				.setCaller(caller)
				.setClanId(0)
				.setCreateTimeSeconds((int) (this.clock.millis() / 1000)))
			.build();
		byte[] push = EnvelopeFrames.encodePush(event);
		for (long member : channel.memberIds()) {
			this.connections.pushToUser(member, push);
		}
	}

	private UserProfileRedis profile(long userId) {
		String name = this.state.findUser(userId).map(TestUser::username).orElse("");
		return UserProfileRedis.newBuilder().setUserId(userId).setUsername(name).setDisplayName(name).build();
	}

	// Test-facing operations

	/**
	 * Publishes a message from a user without any connection (every subscriber gets it).
	 * @return the stored message
	 */
	public ChannelMessage sendAs(TestUser user, TestChannel channel, String content) {
		return sendAs(user, channel, content, List.of(), List.of(), List.of());
	}

	/**
	 * Publishes a message with attachments, mentions and references from a user without any
	 * connection (every subscriber gets it).
	 * @return the stored message
	 */
	public ChannelMessage sendAs(TestUser user, TestChannel channel, String content,
			List<MessageAttachment> attachments, List<MessageMention> mentions, List<MessageRef> references) {
		return this.rules.publish(channel, user.id(), user.username(), content, attachments, mentions, references, 0,
				null);
	}

	/**
	 * Edits a message as a user without any connection (every subscriber is pushed the edit).
	 * @throws IllegalStateException if the server would refuse it (e.g. not the author)
	 */
	public ChannelMessage editAs(TestUser user, TestChannel channel, long messageId, String content,
			List<MessageMention> mentions) {
		try {
			return this.rules.edit(Actor.of(user), channel.id(), messageId, channel.type().streamMode(), false, content,
					mentions, List.of(), false);
		}
		catch (Refused ex) {
			throw new IllegalStateException(ex.getMessage());
		}
	}

	/**
	 * Deletes a message as a user without any connection.
	 * @throws IllegalStateException if the server would refuse it
	 */
	public ChannelMessage deleteAs(TestUser user, TestChannel channel, long messageId) {
		try {
			return this.rules.delete(Actor.of(user), channel.id(), messageId, channel.type().streamMode(), false);
		}
		catch (Refused ex) {
			throw new IllegalStateException(ex.getMessage());
		}
	}

	/**
	 * Adds or removes a reaction as a user without any connection.
	 * @throws IllegalStateException if the server would refuse it
	 */
	public MessageReaction reactAs(TestUser user, TestChannel channel, long messageId, String emoji, boolean remove) {
		MessageReaction request = MessageReaction.newBuilder()
			.setChannelId(channel.id())
			.setMessageId(messageId)
			.setEmoji(emoji)
			.setAction(remove)
			.setCount(1)
			.setMode(channel.type().streamMode())
			.build();
		try {
			return this.rules.react(Actor.of(user), request);
		}
		catch (Refused ex) {
			throw new IllegalStateException(ex.getMessage());
		}
	}

	/**
	 * Pushes a typing indicator as a user without any connection.
	 * @throws IllegalStateException if the server would refuse it
	 */
	public MessageTypingEvent typingAs(TestUser user, TestChannel channel) {
		MessageTypingEvent request = MessageTypingEvent.newBuilder()
			.setChannelId(channel.id())
			.setMode(channel.type().streamMode())
			.build();
		try {
			return this.rules.typing(Actor.of(user), request);
		}
		catch (Refused ex) {
			throw new IllegalStateException(ex.getMessage());
		}
	}

	/** Pushes an envelope (without {@code cid}) to every connection of a user. */
	public void push(long userId, Envelope envelope) {
		this.connections.pushToUser(userId, EnvelopeFrames.encodePush(envelope));
	}

	/** Closes every connection (of one user when {@code userId} is not null). */
	public void drop(@Nullable Long userId) {
		this.connections.drop(userId);
	}

	/** Closes every connection of a user with a close code and reason. */
	public void close(long userId, int code, String reason) {
		for (ClientConnection connection : this.connections.of(userId)) {
			connection.close(code, reason);
		}
	}

	/** Sends bytes that are not an envelope (a truncated field) to every connection of a user. */
	public void pushGarbage(long userId) {
		pushFrame(userId, new byte[] { 0x0A, 0x05, 0x01 });
	}

	/** Sends a binary frame of any bytes to every connection of a user. */
	public void pushFrame(long userId, byte[] frame) {
		this.connections.pushToUser(userId, frame.clone());
	}

	/** @return the frames received from a user, oldest first */
	public List<ReceivedFrame> framesFrom(long userId) {
		return this.router.framesFrom(userId);
	}

	/** @return the open connections of a user */
	public int connectionCount(long userId) {
		return this.connections.openCount(userId);
	}

	/** @return how many socket handshakes were accepted so far */
	public int handshakeCount() {
		return this.connections.handshakeCount();
	}

	/** Stops the delayed-ack timer. */
	public void shutdown() {
		this.faults.shutdown();
	}

}
