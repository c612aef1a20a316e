package ai.mezon.light.internal.content;

import java.util.ArrayList;
import java.util.List;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import org.jspecify.annotations.Nullable;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import ai.mezon.light.message.Attachment;
import ai.mezon.light.proto.api.MessageAttachment;
import ai.mezon.light.proto.api.MessageAttachmentList;

/**
 * Converts attachments between the public {@link Attachment} and the wire. Incoming
 * {@code attachments} bytes are either JSON (first byte {@code [} or {@code {}: an array of
 * attachments, or an object holding one under {@code attachments}) or a protobuf
 * {@code MessageAttachmentList} (PROTOCOL.md §4); both are decoded.
 */
public final class AttachmentCodec {

	private AttachmentCodec() {
	}

	/**
	 * Decodes the {@code attachments} bytes of an incoming message.
	 * @param bytes the bytes, possibly empty
	 * @return the attachments, in order
	 * @throws IllegalArgumentException if the bytes are neither JSON nor a protobuf list
	 */
	public static List<Attachment> decode(ByteString bytes) {
		if (bytes.isEmpty()) {
			return List.of();
		}
		byte first = bytes.byteAt(0);
		if (first == '[' || first == '{') {
			return decodeJson(bytes.toStringUtf8());
		}
		try {
			return MessageAttachmentList.parseFrom(bytes).getAttachmentsList().stream()
				.map(AttachmentCodec::fromProto)
				.toList();
		}
		catch (InvalidProtocolBufferException ex) {
			throw new IllegalArgumentException("Attachments are neither JSON nor a MessageAttachmentList", ex);
		}
	}

	/**
	 * @param attachment a public attachment
	 * @return its wire form
	 */
	public static MessageAttachment toProto(Attachment attachment) {
		MessageAttachment.Builder builder = MessageAttachment.newBuilder()
			.setUrl(attachment.url())
			.setFilename(attachment.filename())
			.setFiletype(attachment.filetype())
			.setSize((int) Math.min(Integer.MAX_VALUE, attachment.size()))
			.setWidth(attachment.width())
			.setHeight(attachment.height())
			.setDuration(attachment.duration());
		if (attachment.thumbnail() != null) {
			builder.setThumbnail(attachment.thumbnail());
		}
		return builder.build();
	}

	/**
	 * @param proto an attachment from the wire
	 * @return its public form
	 */
	public static Attachment fromProto(MessageAttachment proto) {
		return new Attachment(proto.getUrl(), proto.getFilename(), proto.getFiletype(), proto.getSize(),
				proto.getWidth(), proto.getHeight(), emptyToNull(proto.getThumbnail()), proto.getDuration());
	}

	private static List<Attachment> decodeJson(String json) {
		JsonNode root;
		try {
			root = ContentCodec.mapper().readTree(json);
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException("Attachments JSON is malformed: " + ex.getOriginalMessage(), ex);
		}
		JsonNode array = root.isArray() ? root : root.get("attachments");
		List<Attachment> result = new ArrayList<>();
		if (array != null && array.isArray()) {
			for (JsonNode node : array) {
				result.add(fromJson(node));
			}
		}
		else if (root.isObject() && root.has("url")) {
			result.add(fromJson(root));
		}
		return List.copyOf(result);
	}

	private static Attachment fromJson(JsonNode node) {
		return new Attachment(string(node, "url"), string(node, "filename"), string(node, "filetype"),
				node.path("size").asLong(0), node.path("width").asInt(0), node.path("height").asInt(0),
				emptyToNull(string(node, "thumbnail")), node.path("duration").asInt(0));
	}

	private static String string(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return (value != null && !value.isNull()) ? value.asString() : "";
	}

	private static @Nullable String emptyToNull(String value) {
		return value.isEmpty() ? null : value;
	}

}
