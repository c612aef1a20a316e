package ai.mezon.light.internal.content;

import java.util.List;

import com.google.protobuf.ByteString;
import org.junit.jupiter.api.Test;

import ai.mezon.light.message.Attachment;
import ai.mezon.light.proto.api.MessageAttachment;
import ai.mezon.light.proto.api.MessageAttachmentList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class AttachmentCodecTests {

	private static final Attachment IMAGE = new Attachment("https://cdn.example/a.png", "a.png", "image/png", 10, 3, 4,
			"https://cdn.example/a-small.png", 0);

	@Test
	void decodesProtobufAttachmentList() {
		ByteString bytes = MessageAttachmentList.newBuilder()
			.addAttachments(AttachmentCodec.toProto(IMAGE))
			.addAttachments(MessageAttachment.newBuilder().setUrl("https://cdn.example/b.mp3").setDuration(30))
			.build()
			.toByteString();
		List<Attachment> attachments = AttachmentCodec.decode(bytes);
		assertThat(attachments).hasSize(2);
		assertThat(attachments.get(0)).isEqualTo(IMAGE);
		assertThat(attachments.get(1).duration()).isEqualTo(30);
		assertThat(attachments.get(1).thumbnail()).isNull();
	}

	@Test
	void decodesJsonArray() {
		String json = "[{\"url\":\"https://cdn.example/a.png\",\"filename\":\"a.png\",\"filetype\":\"image/png\","
				+ "\"size\":10,\"width\":3,\"height\":4,\"thumbnail\":\"https://cdn.example/a-small.png\"}]";
		assertThat(AttachmentCodec.decode(ByteString.copyFromUtf8(json))).containsExactly(IMAGE);
	}

	@Test
	void decodesJsonObjectHoldingAttachments() {
		String json = "{\"attachments\":[{\"url\":\"u\",\"filename\":\"f\",\"size\":\"12\"}]}";
		assertThat(AttachmentCodec.decode(ByteString.copyFromUtf8(json)))
			.containsExactly(new Attachment("u", "f", "", 12, 0, 0, null, 0));
	}

	@Test
	void emptyMeansNone() {
		assertThat(AttachmentCodec.decode(ByteString.EMPTY)).isEmpty();
		assertThat(AttachmentCodec.decode(ByteString.copyFromUtf8("[]"))).isEmpty();
	}

	@Test
	void rejectsBytesThatAreNeither() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> AttachmentCodec.decode(ByteString.copyFrom(new byte[] { (byte) 0xFF, (byte) 0xFF })));
		assertThatIllegalArgumentException().isThrownBy(() -> AttachmentCodec.decode(ByteString.copyFromUtf8("{oops")));
	}

}
