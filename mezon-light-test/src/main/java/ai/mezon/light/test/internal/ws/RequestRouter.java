package ai.mezon.light.test.internal.ws;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import com.google.protobuf.InvalidProtocolBufferException;

import ai.mezon.light.codec.EnvelopeFrames;
import ai.mezon.light.proto.api.ChannelMessage;
import ai.mezon.light.proto.realtime.Channel;
import ai.mezon.light.proto.realtime.ChannelMessageRemove;
import ai.mezon.light.proto.realtime.ChannelMessageSend;
import ai.mezon.light.proto.realtime.ChannelMessageUpdate;
import ai.mezon.light.proto.realtime.Envelope;
import ai.mezon.light.proto.realtime.Pong;
import ai.mezon.light.proto.realtime.UserPresence;
import ai.mezon.light.test.ReceivedFrame;
import ai.mezon.light.test.TestChannel;

import static ai.mezon.light.test.internal.ws.Refused.BAD_INPUT;
import static ai.mezon.light.test.internal.ws.Refused.UNRECOGNIZED_PAYLOAD;

/**
 * Routes each frame a client sends: decodes it, records it for {@code framesFrom}, hands it to the
 * rule it names and answers with the request's {@code cid} in the request's encoding. Runs on the
 * Tomcat thread that read the frame; a delayed ack is sent from {@link SocketFaults}' timer.
 */
final class RequestRouter {

	private final Connections connections;

	private final MessageRules rules;

	private final SocketFaults faults;

	/** Off for load tests: every frame kept forever would grow the heap without bound. */
	private final boolean recordTraffic;

	private final Queue<ReceivedFrame> received = new ConcurrentLinkedQueue<>();

	RequestRouter(Connections connections, MessageRules rules, SocketFaults faults, boolean recordTraffic) {
		this.connections = connections;
		this.rules = rules;
		this.faults = faults;
		this.recordTraffic = recordTraffic;
	}

	void onFrame(ClientConnection from, byte[] bytes) {
		EnvelopeFrames.Frame frame;
		try {
			frame = EnvelopeFrames.decode(bytes);
		}
		catch (InvalidProtocolBufferException ex) {
			from.enqueue(EnvelopeFrames.encodePush(Reply.error(BAD_INPUT, "malformed envelope")));
			return;
		}
		Envelope envelope = frame.envelope();
		if (this.recordTraffic) {
			this.received.add(new ReceivedFrame(from.userId, from.id, frame.cid(), frame.legacyCid(), envelope));
		}
		Reply reply = new Reply(from, frame.cid(), frame.legacyCid());
		try {
			route(reply, envelope);
		}
		catch (Refused ex) {
			reply.refuse(ex);
		}
	}

	void onTextFrame(ClientConnection from) {
		from.enqueue(EnvelopeFrames.encodePush(Reply.error(BAD_INPUT, "text frames are not envelopes")));
	}

	/** @return the frames received from a user, oldest first */
	List<ReceivedFrame> framesFrom(long userId) {
		return this.received.stream().filter((frame) -> frame.userId() == userId).toList();
	}

	private void route(Reply reply, Envelope envelope) {
		Actor actor = Actor.of(reply.connection());
		switch (envelope.getMessageCase()) {
			case CHANNEL_JOIN -> join(reply, envelope.getChannelJoin().getChannelId());
			case CHANNEL_LEAVE -> {
				this.connections.leave(reply.connection(), envelope.getChannelLeave().getChannelId());
				reply.send(Envelope.getDefaultInstance());
			}
			case CHANNEL_MESSAGE_SEND -> send(reply, envelope.getChannelMessageSend());
			case CHANNEL_MESSAGE_UPDATE -> {
				ChannelMessageUpdate update = envelope.getChannelMessageUpdate();
				reply.send(MessageRules.ack(this.rules.edit(actor, update.getChannelId(), update.getMessageId(),
						update.getMode(), update.getIsPublic(), update.getContent(), update.getMentionsList(),
						update.getAttachmentsList(), update.getHideEditted())));
			}
			case CHANNEL_MESSAGE_REMOVE -> {
				ChannelMessageRemove remove = envelope.getChannelMessageRemove();
				reply.send(MessageRules.ack(this.rules.delete(actor, remove.getChannelId(), remove.getMessageId(),
						remove.getMode(), remove.getIsPublic())));
			}
			case MESSAGE_REACTION_EVENT -> reply.send(Envelope.newBuilder()
				.setMessageReactionEvent(this.rules.react(actor, envelope.getMessageReactionEvent()))
				.build());
			case MESSAGE_TYPING_EVENT -> reply.send(Envelope.newBuilder()
				.setMessageTypingEvent(this.rules.typing(actor, envelope.getMessageTypingEvent()))
				.build());
			case PING -> {
				if (this.faults.answerPings()) {
					reply.send(Envelope.newBuilder().setPong(Pong.getDefaultInstance()).build());
				}
			}
			default -> reply.send(Reply.error(UNRECOGNIZED_PAYLOAD, "unrecognized payload " + envelope.getMessageCase()));
		}
	}

	private void join(Reply reply, long channelId) {
		ClientConnection from = reply.connection();
		TestChannel channel = this.rules.memberChannel(from.userId, channelId, "join");
		this.connections.join(from, channel.id());
		reply.send(Envelope.newBuilder()
			.setChannel(Channel.newBuilder()
				.setId(channel.id())
				.setChanelLabel(channel.label())
				.setSelf(UserPresence.newBuilder().setUserId(from.userId).setUsername(from.username)))
			.build());
	}

	private void send(Reply reply, ChannelMessageSend send) {
		ClientConnection from = reply.connection();
		TestChannel channel = this.rules.memberChannel(from.userId, send.getChannelId(), "send to");
		ChannelMessage message = this.rules.publish(channel, from.userId, from.username, send.getContent(),
				send.getAttachmentsList(), send.getMentionsList(), send.getReferencesList(), send.getCode(), from);
		Envelope ack = MessageRules.ack(message);
		this.faults.sendAck(() -> reply.send(ack));
	}

}
