package ai.mezon.light.internal.socket;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import ai.mezon.light.Ids;
import ai.mezon.light.MezonSocketException;
import ai.mezon.light.internal.content.AttachmentCodec;
import ai.mezon.light.internal.content.ContentCodec;
import ai.mezon.light.internal.content.MentionCodec;
import ai.mezon.light.internal.content.ReferenceCodec;
import ai.mezon.light.message.Attachment;
import ai.mezon.light.message.ChannelAddedEvent;
import ai.mezon.light.message.ChannelMessage;
import ai.mezon.light.message.ChannelType;
import ai.mezon.light.message.Mention;
import ai.mezon.light.message.MessageAck;
import ai.mezon.light.message.MessageDeletion;
import ai.mezon.light.message.MessageEdit;
import ai.mezon.light.message.MessageReference;
import ai.mezon.light.message.OutgoingMessage;
import ai.mezon.light.message.Reaction;
import ai.mezon.light.message.TypingIndicator;
import ai.mezon.light.proto.api.ChannelDescription;
import ai.mezon.light.proto.api.MessageReaction;
import ai.mezon.light.proto.realtime.ChannelJoin;
import ai.mezon.light.proto.realtime.ChannelLeave;
import ai.mezon.light.proto.realtime.ChannelMessageAck;
import ai.mezon.light.proto.realtime.ChannelMessageRemove;
import ai.mezon.light.proto.realtime.ChannelMessageSend;
import ai.mezon.light.proto.realtime.ChannelMessageUpdate;
import ai.mezon.light.proto.realtime.Envelope;
import ai.mezon.light.proto.realtime.MessageTypingEvent;
import ai.mezon.light.proto.realtime.Ping;
import ai.mezon.light.proto.realtime.UserChannelAdded;
import ai.mezon.light.proto.realtime.UserProfileRedis;

/**
 * Maps between wire envelopes and the public records, with the constants of PROTOCOL.md §4
 * ({@code clan_id=0}, {@code is_public=false}, channel types and stream modes).
 */
public final class FrameMapper {

	private FrameMapper() {
	}

	static Envelope join(long channelId, ChannelType type) {
		return Envelope.newBuilder()
			.setChannelJoin(ChannelJoin.newBuilder()
				.setClanId(0)
				.setChannelId(channelId)
				.setChannelType(type.wireType())
				.setIsPublic(false))
			.build();
	}

	static Envelope leave(long channelId, ChannelType type) {
		return Envelope.newBuilder()
			.setChannelLeave(ChannelLeave.newBuilder()
				.setClanId(0)
				.setChannelId(channelId)
				.setChannelType(type.wireType())
				.setIsPublic(false))
			.build();
	}

	static Envelope ping() {
		return Envelope.newBuilder().setPing(Ping.getDefaultInstance()).build();
	}

	static Envelope send(OutgoingMessage message, ChannelType type) {
		ChannelMessageSend.Builder send = ChannelMessageSend.newBuilder()
			.setClanId(0)
			.setChannelId(Ids.parse("channelId", message.channelId()))
			.setContent(message.content().json())
			.setMode(type.streamMode())
			.setIsPublic(false)
			// The reference client carries hideLink in mention_everyone (field 9).
			.setMentionEveryone(message.hideLink());
		if (type == ChannelType.DM) {
			send.setCode(message.code());
		}
		for (Attachment attachment : message.attachments()) {
			send.addAttachments(AttachmentCodec.toProto(attachment));
		}
		for (Mention mention : message.mentions()) {
			send.addMentions(MentionCodec.toProto(mention));
		}
		for (MessageReference reference : message.references()) {
			send.addReferences(ReferenceCodec.toProto(reference));
		}
		return Envelope.newBuilder().setChannelMessageSend(send).build();
	}

	/** An edit of one's own message; its references are not sent (the update has no such field). */
	static Envelope update(long messageId, OutgoingMessage message, ChannelType type, boolean hideEdited) {
		ChannelMessageUpdate.Builder update = ChannelMessageUpdate.newBuilder()
			.setClanId(0)
			.setChannelId(Ids.parse("channelId", message.channelId()))
			.setMessageId(messageId)
			.setContent(message.content().json())
			.setMode(type.streamMode())
			.setIsPublic(false)
			.setHideEditted(hideEdited);
		for (Mention mention : message.mentions()) {
			update.addMentions(MentionCodec.toProto(mention));
		}
		for (Attachment attachment : message.attachments()) {
			update.addAttachments(AttachmentCodec.toProto(attachment));
		}
		return Envelope.newBuilder().setChannelMessageUpdate(update).build();
	}

	static Envelope remove(long channelId, long messageId, ChannelType type) {
		return Envelope.newBuilder()
			.setChannelMessageRemove(ChannelMessageRemove.newBuilder()
				.setClanId(0)
				.setChannelId(channelId)
				.setMessageId(messageId)
				.setMode(type.streamMode())
				.setIsPublic(false))
			.build();
	}

	/**
	 * A reaction request: one unit of an emoji ({@code count} 1) by this user; the server fills
	 * in the reaction id and the sender's name.
	 */
	static Envelope reaction(ReactionRequest request, long selfId) {
		return Envelope.newBuilder().setMessageReactionEvent(reactionProto(request, selfId)).build();
	}

	static MessageReaction reactionProto(ReactionRequest request, long selfId) {
		return MessageReaction.newBuilder()
			.setClanId(0)
			.setChannelId(request.channelId())
			.setMessageId(request.messageId())
			.setMessageSenderId(request.messageSenderId())
			.setEmoji(request.emoji())
			.setSenderId(selfId)
			.setAction(request.remove())
			.setCount(1)
			.setMode(request.type().streamMode())
			.setIsPublic(false)
			.build();
	}

	static Envelope typing(long channelId, ChannelType type) {
		return Envelope.newBuilder()
			.setMessageTypingEvent(MessageTypingEvent.newBuilder()
				.setClanId(0)
				.setChannelId(channelId)
				.setMode(type.streamMode())
				.setIsPublic(false))
			.build();
	}

	/**
	 * The answer to a reaction request: the server's echo of the reaction, or, when it answers
	 * with only the {@code cid}, the reaction as requested.
	 */
	static Reaction reacted(Envelope reply, ReactionRequest request, long selfId) {
		return reaction(reply.hasMessageReactionEvent() ? reply.getMessageReactionEvent()
				: reactionProto(request, selfId));
	}

	static MessageAck ack(Envelope reply) {
		if (!reply.hasChannelMessageAck()) {
			throw new MezonSocketException("Send answered " + reply.getMessageCase() + " instead of an ack");
		}
		ChannelMessageAck ack = reply.getChannelMessageAck();
		return new MessageAck(Ids.format(ack.getChannelId()), Ids.format(ack.getMessageId()), ack.getCode(),
				ack.getUsername(), seconds(ack.getCreateTimeSeconds()), seconds(ack.getUpdateTimeSeconds()),
				ack.hasPersistent() ? ack.getPersistent().getValue() : null);
	}

	/**
	 * @param proto a pushed message
	 * @param problems told when the attachments could not be decoded (the message is still
	 * delivered, without them)
	 * @return the public message
	 */
	static ChannelMessage message(ai.mezon.light.proto.api.ChannelMessage proto, Consumer<Throwable> problems) {
		String raw = proto.getContent();
		JsonNode content = ContentCodec.parse(raw);
		List<Attachment> attachments = decodeList(proto, "attachments", () -> AttachmentCodec.decode(proto.getAttachments()),
				problems);
		List<Mention> mentions = decodeList(proto, "mentions", () -> MentionCodec.decode(proto.getMentions()), problems);
		List<MessageReference> references = decodeList(proto, "references",
				() -> ReferenceCodec.decode(proto.getReferences()), problems);
		return new ChannelMessage(Ids.format(proto.getChannelId()), Ids.format(proto.getMessageId()),
				Ids.format(proto.getSenderId()), proto.getUsername(), proto.getDisplayName(), proto.getAvatar(),
				streamMode(proto.getMode()), proto.getMode(), proto.getCode(), raw, content, attachments,
				seconds(proto.getCreateTimeSeconds()), seconds(proto.getUpdateTimeSeconds()), mentions, references);
	}

	/** A pushed {@code channel_message} with code 1. */
	static MessageEdit edit(ai.mezon.light.proto.api.ChannelMessage proto, Consumer<Throwable> problems) {
		String raw = proto.getContent();
		return new MessageEdit(Ids.format(proto.getChannelId()), Ids.format(proto.getMessageId()),
				Ids.format(proto.getSenderId()), proto.getUsername(), streamMode(proto.getMode()), proto.getMode(), raw,
				ContentCodec.parse(raw),
				decodeList(proto, "mentions", () -> MentionCodec.decode(proto.getMentions()), problems),
				decodeList(proto, "attachments", () -> AttachmentCodec.decode(proto.getAttachments()), problems),
				proto.getHideEditted(), seconds(proto.getUpdateTimeSeconds()));
	}

	/** A pushed {@code channel_message_update}: it names no sender. */
	static MessageEdit edit(ChannelMessageUpdate update, Consumer<Throwable> problems) {
		String raw = update.getContent();
		List<Mention> mentions;
		try {
			mentions = MentionCodec.fromProto(update.getMentionsList());
		}
		catch (IllegalArgumentException ex) {
			problems.accept(new MezonSocketException("Edit of message " + update.getMessageId() + " on channel "
					+ update.getChannelId() + " has undecodable mentions: " + ex.getMessage()));
			mentions = List.of();
		}
		return new MessageEdit(Ids.format(update.getChannelId()), Ids.format(update.getMessageId()), "", "",
				streamMode(update.getMode()), update.getMode(), raw, ContentCodec.parse(raw), mentions,
				update.getAttachmentsList().stream().map(AttachmentCodec::fromProto).toList(), update.getHideEditted(),
				seconds(0));
	}

	/** A pushed {@code channel_message} with code 2. */
	static MessageDeletion deletion(ai.mezon.light.proto.api.ChannelMessage proto) {
		return new MessageDeletion(Ids.format(proto.getChannelId()), Ids.format(proto.getMessageId()),
				Ids.format(proto.getSenderId()), streamMode(proto.getMode()), proto.getMode());
	}

	/** A pushed {@code channel_message_remove}: it names no sender. */
	static MessageDeletion deletion(ChannelMessageRemove remove) {
		return new MessageDeletion(Ids.format(remove.getChannelId()), Ids.format(remove.getMessageId()), "",
				streamMode(remove.getMode()), remove.getMode());
	}

	/** @return the SDK's view of a pushed reaction (also the test kit's, through the public codec) */
	public static Reaction reaction(MessageReaction proto) {
		return new Reaction(Ids.format(proto.getChannelId()), Ids.format(proto.getMessageId()),
				Ids.format(proto.getMessageSenderId()), Ids.format(proto.getSenderId()), proto.getSenderName(),
				proto.getEmoji(), Ids.format(proto.getEmojiId()), Ids.format(proto.getId()), proto.getAction(),
				proto.getCount(), streamMode(proto.getMode()), proto.getMode());
	}

	/** @return the SDK's view of a pushed typing indicator (also the test kit's, through the public codec) */
	public static TypingIndicator typing(MessageTypingEvent proto) {
		return new TypingIndicator(Ids.format(proto.getChannelId()), Ids.format(proto.getSenderId()),
				proto.getSenderUsername(), proto.getSenderDisplayName(), streamMode(proto.getMode()), proto.getMode());
	}

	/**
	 * Decodes one list of a pushed message; an undecodable one is reported and left empty, so the
	 * message is still delivered.
	 */
	private static <T> List<T> decodeList(ai.mezon.light.proto.api.ChannelMessage proto, String what,
			Supplier<List<T>> decoder, Consumer<Throwable> problems) {
		try {
			return decoder.get();
		}
		catch (IllegalArgumentException ex) {
			problems.accept(new MezonSocketException("Message " + proto.getMessageId() + " on channel "
					+ proto.getChannelId() + " has undecodable " + what + ": " + ex.getMessage()));
			return List.of();
		}
	}

	static ChannelAddedEvent channelAdded(UserChannelAdded event) {
		ChannelDescription desc = event.getChannelDesc();
		return new ChannelAddedEvent(Ids.format(desc.getChannelId()), channelType(desc.getType()),
				desc.getChannelLabel(), Ids.format(desc.getCreatorId()),
				desc.getUserIdsList().stream().map(Ids::format).toList(),
				event.getUsersList().stream().map(UserProfileRedis::getUserId).map(Ids::format).toList(), false);
	}

	static @Nullable ChannelType channelType(int wireType) {
		try {
			return ChannelType.ofWireType(wireType);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static @Nullable ChannelType streamMode(int mode) {
		try {
			return ChannelType.ofStreamMode(mode);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/**
	 * What to react to, and whether to remove the reaction.
	 * @param channelId the channel
	 * @param type DM or group
	 * @param messageId the message
	 * @param messageSenderId its author, 0 when unknown
	 * @param emoji the emoji
	 * @param remove whether to remove it
	 */
	record ReactionRequest(long channelId, ChannelType type, long messageId, long messageSenderId, String emoji,
			boolean remove) {
	}

	private static Instant seconds(int unsignedSeconds) {
		return Instant.ofEpochSecond(Integer.toUnsignedLong(unsignedSeconds));
	}

}
