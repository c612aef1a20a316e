package ai.mezon.light.internal.content;

import com.google.protobuf.ByteString;
import org.junit.jupiter.api.Test;

import ai.mezon.light.message.MessageReference;
import ai.mezon.light.proto.api.MessageRef;
import ai.mezon.light.proto.api.MessageRefList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ReferenceCodecTests {

	private static final MessageReference REPLY = new MessageReference("1840000000000000020", "30", "alice", "Alice",
			"https://a/avatar.png", "{\"t\":\"lunch?\"}", true, MessageReference.REPLY);

	@Test
	void decodesProtobufRefList() {
		ByteString bytes = MessageRefList.newBuilder()
			.addRefs(ReferenceCodec.toProto(REPLY).toBuilder().setMessageId(99))
			.build()
			.toByteString();
		assertThat(ReferenceCodec.decode(bytes)).containsExactly(REPLY);
	}

	@Test
	void toProtoFillsTheReplyFields() {
		MessageRef ref = ReferenceCodec.toProto(REPLY);
		assertThat(ref.getMessageRefId()).isEqualTo(1840000000000000020L);
		assertThat(ref.getMessageId()).isZero();
		assertThat(ref.getRefType()).isZero();
		assertThat(ref.getMessageSenderId()).isEqualTo(30);
		assertThat(ref.getMessageSenderUsername()).isEqualTo("alice");
		assertThat(ref.getMessageSenderDisplayName()).isEqualTo("Alice");
		assertThat(ref.getContent()).isEqualTo("{\"t\":\"lunch?\"}");
		assertThat(ref.getHasAttachment()).isTrue();
	}

	@Test
	void decodesJsonArray() {
		String json = "[{\"message_id\":\"99\",\"message_ref_id\":\"1840000000000000020\",\"ref_type\":0,"
				+ "\"message_sender_id\":30,\"message_sender_username\":\"alice\","
				+ "\"message_sender_display_name\":\"Alice\",\"message_sender_avatar\":\"https://a/avatar.png\","
				+ "\"content\":\"{\\\"t\\\":\\\"lunch?\\\"}\",\"has_attachment\":true}]";
		assertThat(ReferenceCodec.decode(ByteString.copyFromUtf8(json))).containsExactly(REPLY);
	}

	@Test
	void decodesJsonObjectWithCamelCaseAndNestedContent() {
		String json = "{\"refs\":[{\"messageRefId\":\"5\",\"refType\":0,\"messageSenderId\":\"6\","
				+ "\"content\":{\"t\":\"nested\"}}]}";
		MessageReference reference = ReferenceCodec.decode(ByteString.copyFromUtf8(json)).get(0);
		assertThat(reference.messageId()).isEqualTo("5");
		assertThat(reference.senderId()).isEqualTo("6");
		assertThat(reference.isReply()).isTrue();
		assertThat(reference.text()).isEqualTo("nested");
		assertThat(ReferenceCodec.decode(ByteString.copyFromUtf8("{\"references\":[{\"message_ref_id\":8}]}")))
			.extracting(MessageReference::messageId)
			.containsExactly("8");
	}

	@Test
	void emptyMeansNone() {
		assertThat(ReferenceCodec.decode(ByteString.EMPTY)).isEmpty();
		assertThat(ReferenceCodec.decode(ByteString.copyFromUtf8("{}"))).isEmpty();
	}

	@Test
	void rejectsBytesThatAreNeither() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ReferenceCodec.decode(ByteString.copyFrom(new byte[] { (byte) 0xFF, (byte) 0xFF })));
	}

}
