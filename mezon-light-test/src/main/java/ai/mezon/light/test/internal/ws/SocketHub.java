package ai.mezon.light.test.internal.ws;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.google.protobuf.BoolValue;
import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import jakarta.websocket.Session;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ai.mezon.light.internal.socket.EnvelopeCodec;
import ai.mezon.light.proto.api.ChannelDescription;
import ai.mezon.light.proto.api.ChannelMessage;
import ai.mezon.light.proto.api.MessageAttachment;
import ai.mezon.light.proto.api.MessageAttachmentList;
import ai.mezon.light.proto.api.MessageMention;
import ai.mezon.light.proto.api.MessageMentionList;
import ai.mezon.light.proto.api.MessageReaction;
import ai.mezon.light.proto.api.MessageRef;
import ai.mezon.light.proto.api.MessageRefList;
import ai.mezon.light.proto.realtime.Channel;
import ai.mezon.light.proto.realtime.ChannelJoin;
import ai.mezon.light.proto.realtime.ChannelLeave;
import ai.mezon.light.proto.realtime.ChannelMessageAck;
import ai.mezon.light.proto.realtime.ChannelMessageRemove;
import ai.mezon.light.proto.realtime.ChannelMessageSend;
import ai.mezon.light.proto.realtime.ChannelMessageUpdate;
import ai.mezon.light.proto.realtime.Envelope;
import ai.mezon.light.proto.realtime.Error;
import ai.mezon.light.proto.realtime.MessageTypingEvent;
import ai.mezon.light.proto.realtime.Pong;
import ai.mezon.light.proto.realtime.UserChannelAdded;
import ai.mezon.light.proto.realtime.UserPresence;
import ai.mezon.light.proto.realtime.UserProfileRedis;
import ai.mezon.light.test.ReceivedFrame;
import ai.mezon.light.test.TestChannel;
import ai.mezon.light.test.TestUser;
import ai.mezon.light.test.internal.ServerState;

/**
 * The socket server's logic: who is connected, who joined what, and what each request does.
 * Frames are handled on the container's threads; the shared maps are concurrent and a
 * message's id, history entry and fan-out happen under its channel's own lock only, so every
 * subscriber sees a channel's messages in one order while channels proceed in parallel. A push
 * is encoded once (it has no {@code cid}, so both encodings are the same bytes) and queued on
 * each subscriber's connection.
 *
 * <h2>Rich messaging</h2>
 * <ul>
 * <li>{@code channel_message_update} / {@code channel_message_remove}: only the author may edit
 * or delete (else {@code error} code 3, as for every refusal here); the history entry is
 * replaced (code 1 with the new content, mentions, attachments and {@code hide_editted}; or code
 * 2 with content, mentions, attachments and references cleared) and the requester gets a
 * {@code channel_message_ack} with that code. The other subscribers are pushed the new version
 * as {@code channel_message} with code 1 or 2, as Mezon clients see it, and <em>only</em> that:
 * the dedicated {@code channel_message_update} / {@code channel_message_remove} envelopes are
 * never pushed, so a client mapping both forms to one handler sees each change once.</li>
 * <li>{@code message_reaction_event}: counted per message and emoji (a user once per emoji,
 * {@code action} true removes); the reaction, completed with its id, sender, author of the
 * message and new count, is the reply and is pushed to the other subscribers.</li>
 * <li>{@code message_typing_event}: completed with the sender's id and names, it is the reply
 * and is pushed to the other subscribers; nothing is stored.</li>
 * </ul>
 * These requests must name the channel's stream mode and {@code is_public=false}, and a known,
 * undeleted message of that channel; the server fills every identity field from the connection,
 * never from the request. "The other subscribers" means every connection that joined the
 * channel except the requesting one (the requester's other sessions included).
 */
public final class SocketHub {

	private static final Logger logger = LoggerFactory.getLogger(SocketHub.class);

	/** PROTOCOL.md §5 error codes. */
	static final int UNRECOGNIZED_PAYLOAD = 1;

	static final int BAD_INPUT = 3;

	/** Editing or deleting someone else's message: "bad input", like every other refusal here. */
	static final int NOT_AUTHOR = BAD_INPUT;

	private final ServerState state;

	private final Clock clock;

	/** Off for load tests: every frame and message kept forever would grow the heap without bound. */
	private final boolean recordTraffic;

	private final SocketFaults faults = new SocketFaults();

	private final AtomicLong connectionIds = new AtomicLong();

	private final AtomicInteger handshakes = new AtomicInteger();

	private final Map<Long, ClientConnection> connections = new ConcurrentHashMap<>();

	private final Map<Long, Set<ClientConnection>> byUser = new ConcurrentHashMap<>();

	private final Map<Long, Set<ClientConnection>> byChannel = new ConcurrentHashMap<>();

	private final Map<Long, Object> channelLocks = new ConcurrentHashMap<>();

	private final Queue<ReceivedFrame> received = new ConcurrentLinkedQueue<>();

	private final ScheduledExecutorService delayed = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "mezon-test-server-delayed-acks");
		thread.setDaemon(true);
		return thread;
	});

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
		this.recordTraffic = recordTraffic;
		state.addChannelCreatedListener(this::channelCreated);
	}

	/** @return the faults tests switch on */
	public SocketFaults faults() {
		return this.faults;
	}

	// Connections

	ClientConnection open(Session session, long userId, String username) {
		ClientConnection connection = new ClientConnection(this.connectionIds.incrementAndGet(), userId, username,
				session);
		this.connections.put(connection.id, connection);
		this.byUser.computeIfAbsent(userId, (key) -> ConcurrentHashMap.newKeySet()).add(connection);
		this.handshakes.incrementAndGet();
		return connection;
	}

	void closed(ClientConnection connection) {
		this.connections.remove(connection.id);
		Set<ClientConnection> own = this.byUser.get(connection.userId);
		if (own != null) {
			own.remove(connection);
		}
		for (Long channelId : connection.joined) {
			Set<ClientConnection> subscribers = this.byChannel.get(channelId);
			if (subscribers != null) {
				subscribers.remove(connection);
			}
		}
	}

	// Frames

	void onFrame(ClientConnection from, byte[] frame) {
		EnvelopeCodec.Decoded decoded;
		try {
			decoded = EnvelopeCodec.decode(frame);
		}
		catch (InvalidProtocolBufferException ex) {
			from.enqueue(EnvelopeCodec.encode(error(BAD_INPUT, "malformed envelope"), "", false));
			return;
		}
		Envelope envelope = decoded.envelope();
		if (this.recordTraffic) {
			this.received.add(new ReceivedFrame(from.userId, from.id, decoded.cid(), decoded.legacyCid(), envelope));
		}
		Reply reply = new Reply(from, decoded.cid(), decoded.legacyCid());
		switch (envelope.getMessageCase()) {
			case CHANNEL_JOIN -> join(reply, envelope.getChannelJoin());
			case CHANNEL_LEAVE -> leave(reply, envelope.getChannelLeave());
			case CHANNEL_MESSAGE_SEND -> send(reply, envelope.getChannelMessageSend());
			case CHANNEL_MESSAGE_UPDATE -> update(reply, envelope.getChannelMessageUpdate());
			case CHANNEL_MESSAGE_REMOVE -> remove(reply, envelope.getChannelMessageRemove());
			case MESSAGE_REACTION_EVENT -> reaction(reply, envelope.getMessageReactionEvent());
			case MESSAGE_TYPING_EVENT -> typing(reply, envelope.getMessageTypingEvent());
			case PING -> {
				if (this.faults.answerPings()) {
					reply.send(Envelope.newBuilder().setPong(Pong.getDefaultInstance()).build());
				}
			}
			default -> reply.send(error(UNRECOGNIZED_PAYLOAD,
					"unrecognized payload " + envelope.getMessageCase()));
		}
	}

	void onTextFrame(ClientConnection from) {
		from.enqueue(EnvelopeCodec.encode(error(BAD_INPUT, "text frames are not envelopes"), "", false));
	}

	private void join(Reply reply, ChannelJoin join) {
		TestChannel channel = memberChannel(reply, join.getChannelId(), "join");
		if (channel == null) {
			return;
		}
		ClientConnection from = reply.connection();
		this.byChannel.computeIfAbsent(channel.id(), (key) -> ConcurrentHashMap.newKeySet()).add(from);
		from.joined.add(channel.id());
		reply.send(Envelope.newBuilder()
			.setChannel(Channel.newBuilder()
				.setId(channel.id())
				.setChanelLabel(channel.label())
				.setSelf(UserPresence.newBuilder().setUserId(from.userId).setUsername(from.username)))
			.build());
	}

	private void leave(Reply reply, ChannelLeave leave) {
		ClientConnection from = reply.connection();
		Set<ClientConnection> subscribers = this.byChannel.get(leave.getChannelId());
		if (subscribers != null) {
			subscribers.remove(from);
		}
		from.joined.remove(leave.getChannelId());
		reply.send(Envelope.getDefaultInstance());
	}

	private void send(Reply reply, ChannelMessageSend send) {
		TestChannel channel = memberChannel(reply, send.getChannelId(), "send to");
		if (channel == null) {
			return;
		}
		ClientConnection from = reply.connection();
		ChannelMessage message = publish(channel, from.userId, from.username, send.getContent(),
				send.getAttachmentsList(), send.getMentionsList(), send.getReferencesList(), send.getCode(), from);
		Envelope ack = ack(message);
		Duration delay = this.faults.ackDelay();
		if (delay.isZero()) {
			reply.send(ack);
		}
		else {
			this.delayed.schedule(() -> reply.send(ack), delay.toMillis(), TimeUnit.MILLISECONDS);
		}
	}

	/**
	 * Stores a message and pushes it to every connection that joined its channel except
	 * {@code exclude} (the sending connection; the sender's other sessions do get it).
	 */
	ChannelMessage publish(TestChannel channel, long senderId, String username, String content,
			List<MessageAttachment> attachments, List<MessageMention> mentions, List<MessageRef> references, int code,
			@Nullable ClientConnection exclude) {
		int now = nowSeconds();
		ChannelMessage.Builder builder = ChannelMessage.newBuilder()
			.setClanId(0)
			.setChannelId(channel.id())
			.setCode(code)
			.setSenderId(senderId)
			.setUsername(username)
			.setDisplayName(username)
			.setContent(content)
			.setChannelLabel(channel.label())
			.setCreateTimeSeconds(now)
			.setUpdateTimeSeconds(now)
			.setMode(channel.type().streamMode())
			.setIsPublic(false);
		if (!attachments.isEmpty()) {
			builder.setAttachments(MessageAttachmentList.newBuilder().addAllAttachments(attachments).build().toByteString());
		}
		if (!mentions.isEmpty()) {
			builder.setMentions(MessageMentionList.newBuilder().addAllMentions(mentions).build().toByteString());
		}
		synchronized (channelLock(channel.id())) {
			long messageId = this.state.ids().next();
			if (!references.isEmpty()) {
				// As Mezon does: each reference names the message carrying it.
				MessageRefList.Builder refs = MessageRefList.newBuilder();
				references.forEach((ref) -> refs.addRefs(ref.toBuilder().setMessageId(messageId)));
				builder.setReferences(refs.build().toByteString());
			}
			ChannelMessage message = builder.setMessageId(messageId).build();
			if (this.recordTraffic) {
				this.state.appendMessage(message);
			}
			fanOut(channel.id(), Envelope.newBuilder().setChannelMessage(message).build(), exclude);
			return message;
		}
	}

	/** Pushes an envelope to every connection that joined a channel except {@code exclude}. */
	private void fanOut(long channelId, Envelope push, @Nullable ClientConnection exclude) {
		Set<ClientConnection> subscribers = this.byChannel.get(channelId);
		if (subscribers != null && !subscribers.isEmpty()) {
			byte[] bytes = EnvelopeCodec.encode(push, "", false);
			for (ClientConnection subscriber : subscribers) {
				if (subscriber != exclude) {
					subscriber.enqueue(bytes);
				}
			}
		}
	}

	private Object channelLock(long channelId) {
		return this.channelLocks.computeIfAbsent(channelId, (key) -> new Object());
	}

	// Edits, deletions, reactions, typing

	private void update(Reply reply, ChannelMessageUpdate update) {
		try {
			ChannelMessage edited = edit(Actor.of(reply.connection()), update.getChannelId(), update.getMessageId(), update.getMode(),
					update.getIsPublic(), update.getContent(), update.getMentionsList(), update.getAttachmentsList(),
					update.getHideEditted());
			reply.send(ack(edited));
		}
		catch (Refused ex) {
			reply.send(error(ex.code, ex.getMessage()));
		}
	}

	private void remove(Reply reply, ChannelMessageRemove remove) {
		try {
			ChannelMessage deleted = delete(Actor.of(reply.connection()), remove.getChannelId(), remove.getMessageId(),
					remove.getMode(), remove.getIsPublic());
			reply.send(ack(deleted));
		}
		catch (Refused ex) {
			reply.send(error(ex.code, ex.getMessage()));
		}
	}

	private void reaction(Reply reply, MessageReaction reaction) {
		try {
			reply.send(Envelope.newBuilder()
				.setMessageReactionEvent(react(Actor.of(reply.connection()), reaction))
				.build());
		}
		catch (Refused ex) {
			reply.send(error(ex.code, ex.getMessage()));
		}
	}

	private void typing(Reply reply, MessageTypingEvent typing) {
		try {
			reply.send(Envelope.newBuilder()
				.setMessageTypingEvent(typing(Actor.of(reply.connection()), typing))
				.build());
		}
		catch (Refused ex) {
			reply.send(error(ex.code, ex.getMessage()));
		}
	}

	ChannelMessage edit(Actor actor, long channelId, long messageId, int mode, boolean isPublic, String content,
			List<MessageMention> mentions, List<MessageAttachment> attachments, boolean hideEdited) {
		TestChannel channel = requireChannel(actor, channelId, mode, isPublic, "edit a message of");
		synchronized (channelLock(channelId)) {
			ChannelMessage original = requireOwnMessage(actor, channel, messageId, "edit");
			ChannelMessage.Builder edited = original.toBuilder()
				.setCode(1)
				.setContent(content)
				.setHideEditted(hideEdited)
				.setUpdateTimeSeconds(nowSeconds())
				.setMentions(mentions.isEmpty() ? ByteString.EMPTY
						: MessageMentionList.newBuilder().addAllMentions(mentions).build().toByteString())
				.setAttachments(attachments.isEmpty() ? ByteString.EMPTY
						: MessageAttachmentList.newBuilder().addAllAttachments(attachments).build().toByteString());
			ChannelMessage message = edited.build();
			this.state.replaceMessage(message);
			fanOut(channelId, Envelope.newBuilder().setChannelMessage(message).build(), actor.connection());
			return message;
		}
	}

	ChannelMessage delete(Actor actor, long channelId, long messageId, int mode, boolean isPublic) {
		TestChannel channel = requireChannel(actor, channelId, mode, isPublic, "delete a message of");
		synchronized (channelLock(channelId)) {
			ChannelMessage original = requireOwnMessage(actor, channel, messageId, "delete");
			ChannelMessage message = original.toBuilder()
				.setCode(2)
				.setContent("")
				.clearMentions()
				.clearAttachments()
				.clearReferences()
				.clearReactions()
				.setUpdateTimeSeconds(nowSeconds())
				.build();
			this.state.replaceMessage(message);
			fanOut(channelId, Envelope.newBuilder().setChannelMessage(message).build(), actor.connection());
			return message;
		}
	}

	MessageReaction react(Actor actor, MessageReaction request) {
		if (request.getEmoji().isBlank()) {
			throw new Refused(BAD_INPUT, "a reaction needs an emoji");
		}
		TestChannel channel = requireChannel(actor, request.getChannelId(), request.getMode(), request.getIsPublic(),
				"react in");
		synchronized (channelLock(channel.id())) {
			ChannelMessage message = requireMessage(channel, request.getMessageId());
			int count = this.state.react(message.getMessageId(), request.getEmoji(), actor.userId(), request.getAction());
			MessageReaction reaction = request.toBuilder()
				.setId(this.state.ids().next())
				.setClanId(0)
				.setSenderId(actor.userId())
				.setSenderName(actor.username())
				.setMessageSenderId(message.getSenderId())
				.setCount(count)
				.build();
			fanOut(channel.id(), Envelope.newBuilder().setMessageReactionEvent(reaction).build(), actor.connection());
			return reaction;
		}
	}

	MessageTypingEvent typing(Actor actor, MessageTypingEvent request) {
		TestChannel channel = requireChannel(actor, request.getChannelId(), request.getMode(), request.getIsPublic(),
				"type in");
		MessageTypingEvent typing = request.toBuilder()
			.setClanId(0)
			.setSenderId(actor.userId())
			.setSenderUsername(actor.username())
			.setSenderDisplayName(actor.username())
			.build();
		synchronized (channelLock(channel.id())) {
			fanOut(channel.id(), Envelope.newBuilder().setMessageTypingEvent(typing).build(), actor.connection());
		}
		return typing;
	}

	private TestChannel requireChannel(Actor actor, long channelId, int mode, boolean isPublic, String action) {
		TestChannel channel = this.state.findChannel(channelId).orElse(null);
		if (channel == null) {
			throw new Refused(BAD_INPUT, "cannot " + action + " channel " + channelId + ": no such channel");
		}
		if (!channel.hasMember(actor.userId())) {
			throw new Refused(BAD_INPUT, "cannot " + action + " channel " + channelId + ": user " + actor.userId()
					+ " is not a member");
		}
		if (mode != channel.type().streamMode() || isPublic) {
			throw new Refused(BAD_INPUT, "cannot " + action + " channel " + channelId + ": expected mode "
					+ channel.type().streamMode() + " and is_public=false, got mode " + mode + " and is_public="
					+ isPublic);
		}
		return channel;
	}

	/** Guarded by the channel's lock. */
	private ChannelMessage requireMessage(TestChannel channel, long messageId) {
		ChannelMessage message = this.state.findMessage(channel.id(), messageId).orElse(null);
		if (message == null) {
			throw new Refused(BAD_INPUT, "no message " + messageId + " in channel " + channel.id());
		}
		if (message.getCode() == 2) {
			throw new Refused(BAD_INPUT, "message " + messageId + " was deleted");
		}
		return message;
	}

	/** Guarded by the channel's lock. */
	private ChannelMessage requireOwnMessage(Actor actor, TestChannel channel, long messageId, String action) {
		ChannelMessage message = requireMessage(channel, messageId);
		if (message.getSenderId() != actor.userId()) {
			throw new Refused(NOT_AUTHOR, "cannot " + action + " message " + messageId + ": only its author may");
		}
		return message;
	}

	private static Envelope ack(ChannelMessage message) {
		return Envelope.newBuilder()
			.setChannelMessageAck(ChannelMessageAck.newBuilder()
				.setChannelId(message.getChannelId())
				.setMessageId(message.getMessageId())
				.setCode(message.getCode())
				.setUsername(message.getUsername())
				.setCreateTimeSeconds(message.getCreateTimeSeconds())
				.setUpdateTimeSeconds(message.getUpdateTimeSeconds())
				.setPersistent(BoolValue.of(true)))
			.build();
	}

	private int nowSeconds() {
		return (int) (this.clock.millis() / 1000);
	}

	private @Nullable TestChannel memberChannel(Reply reply, long channelId, String action) {
		TestChannel channel = this.state.findChannel(channelId).orElse(null);
		if (channel == null) {
			reply.send(error(BAD_INPUT, "cannot " + action + " channel " + channelId + ": no such channel"));
			return null;
		}
		if (!channel.hasMember(reply.connection().userId)) {
			reply.send(error(BAD_INPUT, "cannot " + action + " channel " + channelId + ": user "
					+ reply.connection().userId + " is not a member"));
			return null;
		}
		return channel;
	}

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
		byte[] push = EnvelopeCodec.encode(event, "", false);
		for (long member : channel.memberIds()) {
			for (ClientConnection connection : connectionsOf(member)) {
				connection.enqueue(push);
			}
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
		return publish(channel, user.id(), user.username(), content, List.of(), List.of(), List.of(), 0, null);
	}

	/**
	 * Edits a message as a user without any connection (every subscriber is pushed the edit).
	 * @throws IllegalStateException if the server would refuse it (e.g. not the author)
	 */
	public ChannelMessage editAs(TestUser user, TestChannel channel, long messageId, String content) {
		try {
			return edit(Actor.of(user), channel.id(), messageId, channel.type().streamMode(), false, content, List.of(),
					List.of(), false);
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
			return delete(Actor.of(user), channel.id(), messageId, channel.type().streamMode(), false);
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
			return react(Actor.of(user), request);
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
			return typing(Actor.of(user), request);
		}
		catch (Refused ex) {
			throw new IllegalStateException(ex.getMessage());
		}
	}

	/** Pushes an envelope (without {@code cid}) to every connection of a user. */
	public void push(long userId, Envelope envelope) {
		byte[] bytes = EnvelopeCodec.encode(envelope, "", false);
		for (ClientConnection connection : connectionsOf(userId)) {
			connection.enqueue(bytes);
		}
	}

	/** Closes every connection (of one user when {@code userId} is not null). */
	public void drop(@Nullable Long userId) {
		for (ClientConnection connection : (userId != null) ? connectionsOf(userId)
				: List.copyOf(this.connections.values())) {
			connection.drop();
		}
	}

	/** Closes every connection of a user with a close code and reason. */
	public void close(long userId, int code, String reason) {
		for (ClientConnection connection : connectionsOf(userId)) {
			connection.close(code, reason);
		}
	}

	/** Sends bytes that are not an envelope (a truncated field) to every connection of a user. */
	public void pushGarbage(long userId) {
		pushFrame(userId, new byte[] { 0x0A, 0x05, 0x01 });
	}

	/** Sends a binary frame of any bytes to every connection of a user. */
	public void pushFrame(long userId, byte[] frame) {
		for (ClientConnection connection : connectionsOf(userId)) {
			connection.enqueue(frame.clone());
		}
	}

	/** @return the frames received from a user, oldest first */
	public List<ReceivedFrame> framesFrom(long userId) {
		return this.received.stream().filter((frame) -> frame.userId() == userId).toList();
	}

	/** @return the open connections of a user */
	public int connectionCount(long userId) {
		return (int) connectionsOf(userId).stream().filter(ClientConnection::isOpen).count();
	}

	/** @return how many socket handshakes were accepted so far */
	public int handshakeCount() {
		return this.handshakes.get();
	}

	/** Stops the delayed-ack timer. */
	public void shutdown() {
		this.delayed.shutdownNow();
	}

	private List<ClientConnection> connectionsOf(long userId) {
		Set<ClientConnection> own = this.byUser.get(userId);
		return (own != null) ? List.copyOf(own) : List.of();
	}

	private static Envelope error(int code, String message) {
		return Envelope.newBuilder().setError(Error.newBuilder().setCode(code).setMessage(message)).build();
	}

	/**
	 * Who acts: a connection's user, or a simulated user (no connection, so every subscriber is
	 * pushed).
	 */
	record Actor(long userId, String username, @Nullable ClientConnection connection) {

		static Actor of(ClientConnection connection) {
			return new Actor(connection.userId, connection.username, connection);
		}

		static Actor of(TestUser user) {
			return new Actor(user.id(), user.username(), null);
		}

	}

	/** A request the server refuses with an {@code error} of this code. */
	static final class Refused extends RuntimeException {

		final int code;

		Refused(int code, String message) {
			super(message, null, false, false);
			this.code = code;
		}

	}

	/** Where and how to answer one request: its connection, cid and cid encoding. */
	private record Reply(ClientConnection connection, String cid, boolean legacy) {

		void send(Envelope envelope) {
			try {
				this.connection.enqueue(EnvelopeCodec.encode(envelope, this.cid, this.legacy));
			}
			catch (NumberFormatException ex) {
				logger.debug("Cannot answer cid '{}' in int32 form", this.cid);
				this.connection.enqueue(EnvelopeCodec.encode(envelope, this.cid, true));
			}
		}

	}

}
