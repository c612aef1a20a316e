package ai.mezon.light.codec;

import java.util.List;

import com.google.protobuf.ByteString;
import org.junit.jupiter.api.Test;

import ai.mezon.light.message.Attachment;
import ai.mezon.light.message.Mention;
import ai.mezon.light.message.MessageReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MessagePartsTests {

	@Test
	void mentionsRoundTripWithUtf16Offsets() {
		String text = "👋 @bob";
		Mention bob = new Mention("1840000000000000002", "bob", 3, 7);
		assertThat(bob.textIn(text)).isEqualTo("@bob");
		assertThat(MessageParts.mentions(MessageParts.encodeMentions(List.of(bob)))).containsExactly(bob);
		assertThat(MessageParts.fromProto(List.of(MessageParts.toProto(bob)))).containsExactly(bob);
	}

	@Test
	void attachmentsDecodeFromProtobufAndJson() {
		Attachment file = Attachment.of("https://cdn.test/a.png", "a.png", "image/png", 12);
		assertThat(MessageParts.attachments(MessageParts.encodeAttachments(List.of(file)))).containsExactly(file);
		ByteString json = ByteString.copyFromUtf8(
				"[{\"url\":\"https://cdn.test/a.png\",\"filename\":\"a.png\",\"filetype\":\"image/png\",\"size\":12}]");
		assertThat(MessageParts.attachments(json)).containsExactly(file);
		assertThat(MessageParts.attachments(ByteString.EMPTY)).isEmpty();
	}

	@Test
	void referencesRoundTrip() {
		MessageReference reply = new MessageReference("1840000000000000009", "1840000000000000001", "alice", "", "",
				"{\"t\":\"hi\"}", false, MessageReference.REPLY);
		assertThat(MessageParts.references(MessageParts.encodeReferences(List.of(reply)))).containsExactly(reply);
		assertThat(MessageParts.toProto(reply).getMessageRefId()).isEqualTo(1840000000000000009L);
	}

	@Test
	void undecodableBytesAreRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> MessageParts.mentions(ByteString.copyFrom(new byte[] { (byte) 0xFF, (byte) 0xFF })));
	}

}
