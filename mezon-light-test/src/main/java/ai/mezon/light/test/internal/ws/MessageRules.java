package ai.mezon.light.test.internal.ws;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.google.protobuf.BoolValue;
import com.google.protobuf.ByteString;
import org.jspecify.annotations.Nullable;

import ai.mezon.light.proto.api.ChannelMessage;
import ai.mezon.light.proto.api.MessageAttachment;
import ai.mezon.light.proto.api.MessageAttachmentList;
import ai.mezon.light.proto.api.MessageMention;
import ai.mezon.light.proto.api.MessageMentionList;
import ai.mezon.light.proto.api.MessageReaction;
import ai.mezon.light.proto.api.MessageRef;
import ai.mezon.light.proto.api.MessageRefList;
import ai.mezon.light.proto.realtime.ChannelMessageAck;
import ai.mezon.light.proto.realtime.Envelope;
import ai.mezon.light.proto.realtime.MessageTypingEvent;
import ai.mezon.light.test.TestChannel;
import ai.mezon.light.test.internal.ServerState;

import static ai.mezon.light.test.internal.ws.Refused.BAD_INPUT;
import static ai.mezon.light.test.internal.ws.Refused.NOT_AUTHOR;

/**
 * What a message may become and who is told: new messages, edits, deletions, reactions and
 * typing, for connected clients and simulated users alike.
 *
 * <h2>Rules</h2>
 * <ul>
 * <li>A new message gets its id, history entry and fan-out under its channel's lock only, so
 * every subscriber sees a channel's messages in one order while channels proceed in
 * parallel.</li>
 * <li>Only the author may edit or delete (else {@code error} code 3, as for every refusal here);
 * the history entry is replaced (code 1 with the new content, mentions, attachments and
 * {@code hide_editted}; or code 2 with content, mentions, attachments and references cleared).
 * The other subscribers are pushed the new version as {@code channel_message} with code 1 or 2, as
 * Mezon clients see it, and <em>only</em> that: the dedicated {@code channel_message_update} /
 * {@code channel_message_remove} envelopes are never pushed, so a client mapping both forms to one
 * handler sees each change once.</li>
 * <li>Reactions are counted per message and emoji (a user once per emoji, {@code action} true
 * removes); the reaction, completed with its id, sender, author of the message and new count, is
 * pushed to the other subscribers.</li>
 * <li>Typing is completed with the sender's id and names and pushed; nothing is stored.</li>
 * </ul>
 * Edits, deletions, reactions and typing must name the channel's stream mode and
 * {@code is_public=false}, and (but typing) a known, undeleted message of that channel; identity
 * fields always come from the {@link Actor}, never from the request. "The other subscribers"
 * means every connection that joined the channel except the acting one (the actor's other
 * sessions included). Every method runs on the calling thread (Tomcat's for clients, the test's
 * for simulated users) and throws {@link Refused} for a refused request.
 */
final class MessageRules {

	private final ServerState state;

	private final Clock clock;

	private final Connections connections;

	/** Off for load tests: every message kept forever would grow the heap without bound. */
	private final boolean recordTraffic;

	private final Map<Long, Object> channelLocks = new ConcurrentHashMap<>();

	MessageRules(ServerState state, Clock clock, Connections connections, boolean recordTraffic) {
		this.state = state;
		this.clock = clock;
		this.connections = connections;
		this.recordTraffic = recordTraffic;
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
			this.connections.pushToChannel(channel.id(), Envelope.newBuilder().setChannelMessage(message).build(),
					exclude);
			return message;
		}
	}

	ChannelMessage edit(Actor actor, long channelId, long messageId, int mode, boolean isPublic, String content,
			List<MessageMention> mentions, List<MessageAttachment> attachments, boolean hideEdited) {
		TestChannel channel = requireChannel(actor, channelId, mode, isPublic, "edit a message of");
		synchronized (channelLock(channelId)) {
			ChannelMessage original = requireOwnMessage(actor, channel, messageId, "edit");
			ChannelMessage message = original.toBuilder()
				.setCode(1)
				.setContent(content)
				.setHideEditted(hideEdited)
				.setUpdateTimeSeconds(nowSeconds())
				.setMentions(mentions.isEmpty() ? ByteString.EMPTY
						: MessageMentionList.newBuilder().addAllMentions(mentions).build().toByteString())
				.setAttachments(attachments.isEmpty() ? ByteString.EMPTY
						: MessageAttachmentList.newBuilder().addAllAttachments(attachments).build().toByteString())
				.build();
			this.state.replaceMessage(message);
			this.connections.pushToChannel(channelId, Envelope.newBuilder().setChannelMessage(message).build(),
					actor.connection());
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
			this.connections.pushToChannel(channelId, Envelope.newBuilder().setChannelMessage(message).build(),
					actor.connection());
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
			this.connections.pushToChannel(channel.id(), Envelope.newBuilder().setMessageReactionEvent(reaction).build(),
					actor.connection());
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
			this.connections.pushToChannel(channel.id(), Envelope.newBuilder().setMessageTypingEvent(typing).build(),
					actor.connection());
		}
		return typing;
	}

	/**
	 * A channel the user may join or send to: it exists and the user is a member.
	 * @throws Refused otherwise
	 */
	TestChannel memberChannel(long userId, long channelId, String action) {
		TestChannel channel = this.state.findChannel(channelId).orElse(null);
		if (channel == null) {
			throw new Refused(BAD_INPUT, "cannot " + action + " channel " + channelId + ": no such channel");
		}
		if (!channel.hasMember(userId)) {
			throw new Refused(BAD_INPUT, "cannot " + action + " channel " + channelId + ": user " + userId
					+ " is not a member");
		}
		return channel;
	}

	private TestChannel requireChannel(Actor actor, long channelId, int mode, boolean isPublic, String action) {
		TestChannel channel = memberChannel(actor.userId(), channelId, action);
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

	private Object channelLock(long channelId) {
		return this.channelLocks.computeIfAbsent(channelId, (key) -> new Object());
	}

	/** The {@code channel_message_ack} answering a send, an edit or a deletion. */
	static Envelope ack(ChannelMessage message) {
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

	int nowSeconds() {
		return (int) (this.clock.millis() / 1000);
	}

}
