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
import ai.mezon.light.proto.realtime.Channel;
import ai.mezon.light.proto.realtime.ChannelJoin;
import ai.mezon.light.proto.realtime.ChannelLeave;
import ai.mezon.light.proto.realtime.ChannelMessageAck;
import ai.mezon.light.proto.realtime.ChannelMessageSend;
import ai.mezon.light.proto.realtime.Envelope;
import ai.mezon.light.proto.realtime.Error;
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
 */
public final class SocketHub {

	private static final Logger logger = LoggerFactory.getLogger(SocketHub.class);

	/** PROTOCOL.md §5 error codes. */
	static final int UNRECOGNIZED_PAYLOAD = 1;

	static final int BAD_INPUT = 3;

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
				send.getAttachmentsList(), send.getCode(), from);
		Envelope ack = Envelope.newBuilder()
			.setChannelMessageAck(ChannelMessageAck.newBuilder()
				.setChannelId(message.getChannelId())
				.setMessageId(message.getMessageId())
				.setCode(message.getCode())
				.setUsername(message.getUsername())
				.setCreateTimeSeconds(message.getCreateTimeSeconds())
				.setUpdateTimeSeconds(message.getUpdateTimeSeconds())
				.setPersistent(BoolValue.of(true)))
			.build();
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
			List<MessageAttachment> attachments, int code, @Nullable ClientConnection exclude) {
		int now = (int) (this.clock.millis() / 1000);
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
		Object channelLock = this.channelLocks.computeIfAbsent(channel.id(), (key) -> new Object());
		synchronized (channelLock) {
			ChannelMessage message = builder.setMessageId(this.state.ids().next()).build();
			if (this.recordTraffic) {
				this.state.appendMessage(message);
			}
			Set<ClientConnection> subscribers = this.byChannel.get(channel.id());
			if (subscribers != null && !subscribers.isEmpty()) {
				byte[] push = EnvelopeCodec.encode(Envelope.newBuilder().setChannelMessage(message).build(), "", false);
				for (ClientConnection subscriber : subscribers) {
					if (subscriber != exclude) {
						subscriber.enqueue(push);
					}
				}
			}
			return message;
		}
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
		return publish(channel, user.id(), user.username(), content, List.of(), 0, null);
	}

	/** Closes every connection (of one user when {@code userId} is not null). */
	public void drop(@Nullable Long userId) {
		for (ClientConnection connection : (userId != null) ? connectionsOf(userId)
				: List.copyOf(this.connections.values())) {
			connection.drop();
		}
	}

	/** Sends bytes that are not an envelope to every connection of a user. */
	public void pushGarbage(long userId) {
		byte[] garbage = { (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x07, 0x01 };
		for (ClientConnection connection : connectionsOf(userId)) {
			connection.enqueue(garbage);
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
