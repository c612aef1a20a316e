package ai.mezon.light.internal.content;

import java.util.List;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;

import tools.jackson.databind.JsonNode;

import ai.mezon.light.Ids;
import ai.mezon.light.message.ChannelMessage;
import ai.mezon.light.message.Mention;
import ai.mezon.light.proto.api.MessageMention;
import ai.mezon.light.proto.api.MessageMentionList;

/**
 * Converts mentions between the public {@link Mention} and the wire. Incoming {@code mentions}
 * bytes are JSON (an array of mentions, or an object holding one under {@code mentions}) or a
 * protobuf {@code MessageMentionList}, like attachments. Offsets ({@code s}, {@code e}) are UTF-16
 * code units in both directions; nothing is converted.
 */
public final class MentionCodec {

	private MentionCodec() {
	}

	/**
	 * Decodes the {@code mentions} bytes of an incoming message.
	 * @param bytes the bytes, possibly empty
	 * @return the mentions, in order
	 * @throws IllegalArgumentException if the bytes are neither JSON nor a protobuf list, or a
	 * mention's offsets are invalid
	 */
	public static List<Mention> decode(ByteString bytes) {
		if (bytes.isEmpty()) {
			return List.of();
		}
		if (WireList.isJson(bytes)) {
			return WireList.decodeJson(bytes, "Mentions", MentionCodec::fromJson, "mentions");
		}
		try {
			return fromProto(MessageMentionList.parseFrom(bytes).getMentionsList());
		}
		catch (InvalidProtocolBufferException ex) {
			throw new IllegalArgumentException("Mentions are neither JSON nor a MessageMentionList", ex);
		}
	}

	/**
	 * @param mentions mentions from the wire (e.g. of a {@code channel_message_update})
	 * @return their public form
	 * @throws IllegalArgumentException if a mention's offsets are invalid
	 */
	public static List<Mention> fromProto(List<MessageMention> mentions) {
		return mentions.stream()
			.map((proto) -> new Mention(Ids.format(proto.getUserId()), proto.getUsername(), proto.getS(), proto.getE()))
			.toList();
	}

	/**
	 * @param mention a public mention
	 * @return its wire form
	 */
	public static MessageMention toProto(Mention mention) {
		MessageMention.Builder builder = MessageMention.newBuilder()
			.setUsername(mention.username())
			.setS(mention.start())
			.setE(mention.end());
		if (!mention.userId().isEmpty()) {
			builder.setUserId(Ids.parse("mention userId", mention.userId()));
		}
		return builder.build();
	}

	/**
	 * @param mentions public mentions
	 * @return the protobuf list form carried in {@code ChannelMessage.mentions}
	 */
	public static ByteString encode(List<Mention> mentions) {
		if (mentions.isEmpty()) {
			return ByteString.EMPTY;
		}
		return MessageMentionList.newBuilder()
			.addAllMentions(mentions.stream().map(MentionCodec::toProto).toList())
			.build()
			.toByteString();
	}

	private static Mention fromJson(JsonNode node) {
		return new Mention(JsonFields.id(node, "user_id"), JsonFields.string(node, "username"),
				JsonFields.integer(node, "s"), JsonFields.integer(node, "e"));
	}

}
