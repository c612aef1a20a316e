package ai.mezon.light.codec;

import java.util.List;

import com.google.protobuf.ByteString;

import ai.mezon.light.Ids;
import ai.mezon.light.internal.content.AttachmentCodec;
import ai.mezon.light.internal.content.MentionCodec;
import ai.mezon.light.internal.content.ReferenceCodec;
import ai.mezon.light.message.Attachment;
import ai.mezon.light.message.ChannelMessage;
import ai.mezon.light.message.Mention;
import ai.mezon.light.message.MessageReference;
import ai.mezon.light.proto.api.MessageAttachment;
import ai.mezon.light.proto.api.MessageAttachmentList;
import ai.mezon.light.proto.api.MessageMention;
import ai.mezon.light.proto.api.MessageRef;
import ai.mezon.light.proto.api.MessageRefList;

/**
 * The lists a message carries besides its content: attachments, mentions and references
 * (replies). In a stored or pushed {@code ChannelMessage} each is a {@code bytes} field holding
 * either JSON (first byte {@code [} or <code>{</code>) or an encoded protobuf list
 * ({@code MessageAttachmentList}, {@code MessageMentionList}, {@code MessageRefList}); both forms
 * are decoded, as PROTOCOL.md §4 asks. In requests ({@code channel_message_send},
 * {@code channel_message_update}) they are repeated protobuf fields: {@link #toProto(Mention)}
 * and its overloads build those.
 *
 * <p>Mention offsets are UTF-16 code units in both directions (see {@link Mention}); nothing is
 * converted. Ids are decimal strings on the SDK side and {@code int64} on the wire. Stateless and
 * thread-safe.
 */
public final class MessageParts {

	private MessageParts() {
	}

	/**
	 * @param bytes a message's {@code attachments} bytes, possibly empty
	 * @return the attachments, in order
	 * @throws IllegalArgumentException if the bytes are neither JSON nor a protobuf list
	 */
	public static List<Attachment> attachments(ByteString bytes) {
		return AttachmentCodec.decode(bytes);
	}

	/**
	 * @param bytes a message's {@code mentions} bytes, possibly empty
	 * @return the mentions, in order
	 * @throws IllegalArgumentException if the bytes are neither JSON nor a protobuf list, or an
	 * offset is invalid
	 */
	public static List<Mention> mentions(ByteString bytes) {
		return MentionCodec.decode(bytes);
	}

	/**
	 * @param bytes a message's {@code references} bytes, possibly empty
	 * @return the references, in order
	 * @throws IllegalArgumentException if the bytes are neither JSON nor a protobuf list
	 */
	public static List<MessageReference> references(ByteString bytes) {
		return ReferenceCodec.decode(bytes);
	}

	/**
	 * @param mentions mentions from a request (e.g. a {@code channel_message_update})
	 * @return their SDK form
	 * @throws IllegalArgumentException if an offset is invalid
	 */
	public static List<Mention> fromProto(List<MessageMention> mentions) {
		return MentionCodec.fromProto(mentions);
	}

	/**
	 * @param attachment an attachment
	 * @return its wire form
	 */
	public static MessageAttachment toProto(Attachment attachment) {
		return AttachmentCodec.toProto(attachment);
	}

	/**
	 * @param mention a mention
	 * @return its wire form
	 * @throws IllegalArgumentException if its user id is not a decimal id
	 */
	public static MessageMention toProto(Mention mention) {
		return MentionCodec.toProto(mention);
	}

	/**
	 * @param reference a reference
	 * @return its wire form ({@code message_id}, the referring message, left for the server)
	 * @throws IllegalArgumentException if an id is not a decimal id
	 */
	public static MessageRef toProto(MessageReference reference) {
		return ReferenceCodec.toProto(reference);
	}

	/**
	 * @param attachments attachments
	 * @return the protobuf list form of a message's {@code attachments} bytes, empty for none
	 */
	public static ByteString encodeAttachments(List<Attachment> attachments) {
		if (attachments.isEmpty()) {
			return ByteString.EMPTY;
		}
		return MessageAttachmentList.newBuilder()
			.addAllAttachments(attachments.stream().map(AttachmentCodec::toProto).toList())
			.build()
			.toByteString();
	}

	/**
	 * @param mentions mentions
	 * @return the protobuf list form of a message's {@code mentions} bytes, empty for none
	 */
	public static ByteString encodeMentions(List<Mention> mentions) {
		return MentionCodec.encode(mentions);
	}

	/**
	 * @param references references
	 * @return the protobuf list form of a message's {@code references} bytes, empty for none
	 */
	public static ByteString encodeReferences(List<MessageReference> references) {
		if (references.isEmpty()) {
			return ByteString.EMPTY;
		}
		return MessageRefList.newBuilder()
			.addAllRefs(references.stream().map(ReferenceCodec::toProto).toList())
			.build()
			.toByteString();
	}

}
