package ai.mezon.light.internal.socket;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import ai.mezon.light.Attachment;
import ai.mezon.light.ChannelAddedEvent;
import ai.mezon.light.ChannelMessage;
import ai.mezon.light.ChannelType;
import ai.mezon.light.Ids;
import ai.mezon.light.MessageAck;
import ai.mezon.light.MezonSocketException;
import ai.mezon.light.OutgoingMessage;
import ai.mezon.light.internal.content.AttachmentCodec;
import ai.mezon.light.internal.content.ContentCodec;
import ai.mezon.light.proto.api.ChannelDescription;
import ai.mezon.light.proto.realtime.ChannelJoin;
import ai.mezon.light.proto.realtime.ChannelLeave;
import ai.mezon.light.proto.realtime.ChannelMessageAck;
import ai.mezon.light.proto.realtime.ChannelMessageSend;
import ai.mezon.light.proto.realtime.Envelope;
import ai.mezon.light.proto.realtime.Ping;
import ai.mezon.light.proto.realtime.UserChannelAdded;
import ai.mezon.light.proto.realtime.UserProfileRedis;

/**
 * Maps between wire envelopes and the public records, with the constants of PROTOCOL.md §4
 * ({@code clan_id=0}, {@code is_public=false}, channel types and stream modes).
 */
final class FrameMapper {

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
		return Envelope.newBuilder().setChannelMessageSend(send).build();
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
		List<Attachment> attachments;
		try {
			attachments = AttachmentCodec.decode(proto.getAttachments());
		}
		catch (IllegalArgumentException ex) {
			problems.accept(new MezonSocketException("Message " + proto.getMessageId() + " on channel "
					+ proto.getChannelId() + " has undecodable attachments: " + ex.getMessage()));
			attachments = List.of();
		}
		return new ChannelMessage(Ids.format(proto.getChannelId()), Ids.format(proto.getMessageId()),
				Ids.format(proto.getSenderId()), proto.getUsername(), proto.getDisplayName(), proto.getAvatar(),
				streamMode(proto.getMode()), proto.getMode(), proto.getCode(), raw, content, attachments,
				seconds(proto.getCreateTimeSeconds()), seconds(proto.getUpdateTimeSeconds()));
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

	private static Instant seconds(int unsignedSeconds) {
		return Instant.ofEpochSecond(Integer.toUnsignedLong(unsignedSeconds));
	}

}
