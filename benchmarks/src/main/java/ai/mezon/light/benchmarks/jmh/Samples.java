package ai.mezon.light.benchmarks.jmh;

import com.google.protobuf.BoolValue;
import com.google.protobuf.ByteString;

import ai.mezon.light.proto.api.ChannelMessage;
import ai.mezon.light.proto.api.MessageAttachment;
import ai.mezon.light.proto.api.MessageAttachmentList;
import ai.mezon.light.proto.realtime.ChannelMessageAck;
import ai.mezon.light.proto.realtime.Envelope;

/**
 * Representative frames, shaped like the test server's (and Mezon's) pushes and replies, so every
 * benchmark decodes the same bytes the load harness sees on the wire.
 */
public final class Samples {

	/** A typical short text content document. */
	public static final String TEXT_CONTENT = "{\"t\":\"Hello from the benchmark, with a few words of text\"}";

	/** Two attachments as JSON (the first byte is {@code [}). */
	public static final ByteString JSON_ATTACHMENTS = ByteString.copyFromUtf8(
			"[{\"url\":\"https://cdn.example/a/1.png\",\"filename\":\"1.png\",\"filetype\":\"image/png\",\"size\":1024,"
					+ "\"width\":64,\"height\":48},{\"url\":\"https://cdn.example/a/2.pdf\",\"filename\":\"2.pdf\","
					+ "\"filetype\":\"application/pdf\",\"size\":20480}]");

	/** The same two attachments as a protobuf {@code MessageAttachmentList}. */
	public static final ByteString PROTO_ATTACHMENTS = MessageAttachmentList.newBuilder()
		.addAttachments(MessageAttachment.newBuilder().setUrl("https://cdn.example/a/1.png").setFilename("1.png")
			.setFiletype("image/png").setSize(1024).setWidth(64).setHeight(48))
		.addAttachments(MessageAttachment.newBuilder().setUrl("https://cdn.example/a/2.pdf").setFilename("2.pdf")
			.setFiletype("application/pdf").setSize(20480))
		.build()
		.toByteString();

	private Samples() {
	}

	/**
	 * @param attachments the attachment bytes, possibly empty
	 * @return a pushed {@code channel_message} as the test server builds it
	 */
	public static ChannelMessage message(ByteString attachments) {
		return ChannelMessage.newBuilder()
			.setClanId(0)
			.setChannelId(1_840_000_000_000_000_001L)
			.setMessageId(1_840_000_000_123_456_789L)
			.setSenderId(1_840_000_000_000_000_042L)
			.setUsername("sender-1")
			.setDisplayName("sender-1")
			.setContent(TEXT_CONTENT)
			.setChannelLabel("bench")
			.setCreateTimeSeconds(1_780_000_000)
			.setUpdateTimeSeconds(1_780_000_000)
			.setMode(4)
			.setAttachments(attachments)
			.build();
	}

	/** @return a pushed envelope (no cid) */
	public static Envelope push() {
		return Envelope.newBuilder().setChannelMessage(message(ByteString.EMPTY)).build();
	}

	/** @return a send's reply, without its cid */
	public static Envelope ack() {
		return Envelope.newBuilder()
			.setChannelMessageAck(ChannelMessageAck.newBuilder()
				.setChannelId(1_840_000_000_000_000_001L)
				.setMessageId(1_840_000_000_123_456_789L)
				.setUsername("bench-user")
				.setCreateTimeSeconds(1_780_000_000)
				.setUpdateTimeSeconds(1_780_000_000)
				.setPersistent(BoolValue.of(true)))
			.build();
	}

}
