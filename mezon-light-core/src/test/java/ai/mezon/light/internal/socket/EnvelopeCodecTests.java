package ai.mezon.light.internal.socket;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import org.junit.jupiter.api.Test;

import ai.mezon.light.proto.realtime.ChannelJoin;
import ai.mezon.light.proto.realtime.Envelope;
import ai.mezon.light.proto.realtime.Ping;

import static org.assertj.core.api.Assertions.assertThat;

class EnvelopeCodecTests {

	private static final Envelope JOIN = Envelope.newBuilder()
		.setChannelJoin(ChannelJoin.newBuilder().setChannelId(1234567890123L).setChannelType(3))
		.build();

	@Test
	void encodesInt32CidWithVarintTag() throws Exception {
		byte[] frame = EnvelopeCodec.encode(JOIN, 7, false);
		assertThat(frame[0]).isEqualTo((byte) 0x08);
		assertThat(frame[1]).isEqualTo((byte) 7);
		EnvelopeCodec.Decoded decoded = EnvelopeCodec.decode(frame);
		assertThat(decoded.cid()).isEqualTo("7");
		assertThat(decoded.numericCid()).isEqualTo(7);
		assertThat(decoded.legacyCid()).isFalse();
		assertThat(decoded.envelope().getChannelJoin()).isEqualTo(JOIN.getChannelJoin());
	}

	@Test
	void encodesLegacyCidAsDecimalString() throws Exception {
		byte[] frame = EnvelopeCodec.encode(JOIN, 42, true);
		Envelope parsed = Envelope.parseFrom(frame);
		// The generated parser cannot put a string in the int32 field: it stays unknown.
		assertThat(parsed.getCid()).isZero();
		assertThat(parsed.getUnknownFields().getField(1).getLengthDelimitedList())
			.containsExactly(ByteString.copyFromUtf8("42"));
		EnvelopeCodec.Decoded decoded = EnvelopeCodec.decode(frame);
		assertThat(decoded.cid()).isEqualTo("42");
		assertThat(decoded.numericCid()).isEqualTo(42);
		assertThat(decoded.legacyCid()).isTrue();
		assertThat(decoded.envelope().getUnknownFields().asMap()).isEmpty();
		assertThat(decoded.envelope().getChannelJoin()).isEqualTo(JOIN.getChannelJoin());
	}

	@Test
	void decodesAHandWrittenLegacyFrameAsTheJsClientSendsIt() throws Exception {
		// {cid: "3", ping: {}} as protobufjs writes it: 0x0A "3", then field 22 (ping) empty.
		byte[] frame = { 0x0A, 0x01, '3', (byte) 0xB2, 0x01, 0x00 };
		EnvelopeCodec.Decoded decoded = EnvelopeCodec.decode(frame);
		assertThat(decoded.cid()).isEqualTo("3");
		assertThat(decoded.legacyCid()).isTrue();
		assertThat(decoded.envelope().hasPing()).isTrue();
	}

	@Test
	void pushesHaveNoCid() throws Exception {
		Envelope push = Envelope.newBuilder().setPing(Ping.getDefaultInstance()).build();
		EnvelopeCodec.Decoded decoded = EnvelopeCodec.decode(EnvelopeCodec.encode(push, "", true));
		assertThat(decoded.hasCid()).isFalse();
		assertThat(decoded.numericCid()).isEqualTo(-1);
		assertThat(EnvelopeCodec.encode(push, 0, false)).isEqualTo(push.toByteArray());
	}

	@Test
	void skipsUnknownEnvelopeFields() throws Exception {
		ByteString.Output bytes = ByteString.newOutput();
		CodedOutputStream out = CodedOutputStream.newInstance(bytes);
		out.writeInt32(1, 9);
		// A clan event (field 50) and a voice event (field 61) this client does not know.
		out.writeBytes(50, ByteString.copyFromUtf8("clan stuff"));
		out.writeUInt64(61, 123456789L);
		out.writeMessage(4, JOIN.getChannelJoin());
		out.flush();
		EnvelopeCodec.Decoded decoded = EnvelopeCodec.decode(bytes.toByteString());
		assertThat(decoded.numericCid()).isEqualTo(9);
		assertThat(decoded.envelope().getChannelJoin().getChannelId()).isEqualTo(1234567890123L);
	}

	@Test
	void anEnvelopeOfOnlyAnUnknownKindDecodesToNoPayload() throws Exception {
		ByteString.Output bytes = ByteString.newOutput();
		CodedOutputStream out = CodedOutputStream.newInstance(bytes);
		out.writeBytes(99, ByteString.copyFromUtf8("future event"));
		out.flush();
		Envelope envelope = EnvelopeCodec.decode(bytes.toByteString()).envelope();
		assertThat(envelope.getMessageCase()).isEqualTo(Envelope.MessageCase.MESSAGE_NOT_SET);
	}

	@Test
	void nonNumericLegacyCidIsKeptButHasNoNumber() throws Exception {
		byte[] frame = EnvelopeCodec.encode(JOIN, "abc", true);
		EnvelopeCodec.Decoded decoded = EnvelopeCodec.decode(frame);
		assertThat(decoded.cid()).isEqualTo("abc");
		assertThat(decoded.numericCid()).isEqualTo(-1);
	}

	@Test
	void theCidWrittenInFrontOfTheEnvelopeGivesTheSameFrameAsTheBuilder() throws Exception {
		for (int cid : new int[] { 1, 127, 128, 300_000, Integer.MAX_VALUE }) {
			assertThat(EnvelopeCodec.encode(JOIN, cid, false))
				.isEqualTo(JOIN.toBuilder().setCid(cid).build().toByteArray());
			EnvelopeCodec.Decoded legacy = EnvelopeCodec.decode(EnvelopeCodec.encode(JOIN, cid, true));
			assertThat(legacy.cid()).isEqualTo(Integer.toString(cid));
			assertThat(legacy.envelope()).isEqualTo(JOIN);
		}
	}

}
