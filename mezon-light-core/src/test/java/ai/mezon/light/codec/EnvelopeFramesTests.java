package ai.mezon.light.codec;

import com.google.protobuf.InvalidProtocolBufferException;
import org.junit.jupiter.api.Test;

import ai.mezon.light.proto.realtime.Envelope;
import ai.mezon.light.proto.realtime.Ping;
import ai.mezon.light.proto.realtime.Pong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class EnvelopeFramesTests {

	private static final Envelope PING = Envelope.newBuilder().setPing(Ping.getDefaultInstance()).build();

	@Test
	void int32CidRoundTrips() throws InvalidProtocolBufferException {
		byte[] bytes = EnvelopeFrames.encode(PING, 42, false);
		assertThat(bytes[0]).as("int32 tag").isEqualTo((byte) 0x08);
		EnvelopeFrames.Frame frame = EnvelopeFrames.decode(bytes);
		assertThat(frame.cid()).isEqualTo("42");
		assertThat(frame.legacyCid()).isFalse();
		assertThat(frame.hasCid()).isTrue();
		assertThat(frame.kind()).isEqualTo(Envelope.MessageCase.PING);
	}

	@Test
	void legacyStringCidRoundTripsAndIsRemovedFromTheEnvelope() throws InvalidProtocolBufferException {
		byte[] bytes = EnvelopeFrames.encode(PING, "7", true);
		assertThat(bytes).as("field 1, length-delimited, \"7\"").containsSequence((byte) 0x0A, (byte) 1, (byte) '7');
		EnvelopeFrames.Frame frame = EnvelopeFrames.decode(bytes);
		assertThat(frame.cid()).isEqualTo("7");
		assertThat(frame.legacyCid()).isTrue();
		assertThat(frame.envelope().getUnknownFields().hasField(1)).isFalse();
		assertThat(frame.envelope().hasPing()).isTrue();
	}

	@Test
	void anAnswerUsesTheEncodingOfItsRequest() throws InvalidProtocolBufferException {
		EnvelopeFrames.Frame request = EnvelopeFrames.decode(EnvelopeFrames.encode(PING, "abc", true));
		Envelope pong = Envelope.newBuilder().setPong(Pong.getDefaultInstance()).build();
		EnvelopeFrames.Frame answer = EnvelopeFrames.decode(EnvelopeFrames.encodeAnswer(pong, request));
		assertThat(answer.cid()).isEqualTo("abc");
		assertThat(answer.legacyCid()).isTrue();
		assertThat(answer.kind()).isEqualTo(Envelope.MessageCase.PONG);
	}

	@Test
	void aPushHasNoCid() throws InvalidProtocolBufferException {
		EnvelopeFrames.Frame frame = EnvelopeFrames.decode(EnvelopeFrames.encodePush(PING.toBuilder().setCid(9).build()));
		assertThat(frame.cid()).isEmpty();
		assertThat(frame.hasCid()).isFalse();
	}

	@Test
	void aNonNumericCidNeedsTheLegacyEncoding() {
		assertThatIllegalArgumentException().isThrownBy(() -> EnvelopeFrames.encode(PING, "abc", false))
			.withMessageContaining("abc");
	}

	@Test
	void bytesThatAreNotAnEnvelopeAreRefused() {
		byte[] garbage = { (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x07, 0x01 };
		assertThatExceptionOfType(InvalidProtocolBufferException.class).isThrownBy(() -> EnvelopeFrames.decode(garbage));
	}

}
