package ai.mezon.light.internal.content;

import java.util.List;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;

import tools.jackson.databind.JsonNode;

import ai.mezon.light.Ids;
import ai.mezon.light.message.MessageReference;
import ai.mezon.light.proto.api.MessageRef;
import ai.mezon.light.proto.api.MessageRefList;

/**
 * Converts message references (replies) between the public {@link MessageReference} and the wire.
 * Incoming {@code references} bytes are JSON (an array, or an object holding one under
 * {@code refs} or {@code references}) or a protobuf {@code MessageRefList}, like attachments.
 * The public {@code messageId} is the wire's {@code message_ref_id} (the message referred to);
 * the wire's {@code message_id} (the referring message) is not kept: it is the id of the message
 * the reference came with.
 */
public final class ReferenceCodec {

	private ReferenceCodec() {
	}

	/**
	 * Decodes the {@code references} bytes of an incoming message.
	 * @param bytes the bytes, possibly empty
	 * @return the references, in order
	 * @throws IllegalArgumentException if the bytes are neither JSON nor a protobuf list
	 */
	public static List<MessageReference> decode(ByteString bytes) {
		if (bytes.isEmpty()) {
			return List.of();
		}
		if (WireList.isJson(bytes)) {
			return WireList.decodeJson(bytes, "References", ReferenceCodec::fromJson, "refs", "references");
		}
		try {
			return MessageRefList.parseFrom(bytes).getRefsList().stream().map(ReferenceCodec::fromProto).toList();
		}
		catch (InvalidProtocolBufferException ex) {
			throw new IllegalArgumentException("References are neither JSON nor a MessageRefList", ex);
		}
	}

	/**
	 * @param proto a reference from the wire
	 * @return its public form
	 */
	public static MessageReference fromProto(MessageRef proto) {
		return new MessageReference(Ids.format(proto.getMessageRefId()), Ids.format(proto.getMessageSenderId()),
				proto.getMessageSenderUsername(), proto.getMessageSenderDisplayName(), proto.getMessageSenderAvatar(),
				proto.getContent(), proto.getHasAttachment(), proto.getRefType());
	}

	/**
	 * @param reference a public reference
	 * @return its wire form ({@code message_id} unset: the server knows the new message's id)
	 */
	public static MessageRef toProto(MessageReference reference) {
		MessageRef.Builder builder = MessageRef.newBuilder()
			.setMessageRefId(Ids.parse("referenced messageId", reference.messageId()))
			.setRefType(reference.refType())
			.setContent(reference.content())
			.setHasAttachment(reference.hasAttachment())
			.setMessageSenderUsername(reference.username())
			.setMessageSenderDisplayName(reference.displayName())
			.setMessageSenderAvatar(reference.avatar());
		if (!reference.senderId().isEmpty()) {
			builder.setMessageSenderId(Ids.parse("referenced senderId", reference.senderId()));
		}
		return builder.build();
	}

	private static MessageReference fromJson(JsonNode node) {
		return new MessageReference(JsonFields.id(node, "message_ref_id"), JsonFields.id(node, "message_sender_id"),
				JsonFields.string(node, "message_sender_username"),
				JsonFields.string(node, "message_sender_display_name"),
				JsonFields.string(node, "message_sender_avatar"), JsonFields.document(node, "content"),
				JsonFields.bool(node, "has_attachment"), JsonFields.integer(node, "ref_type"));
	}

}
