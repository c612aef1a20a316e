package ai.mezon.light.internal.socket;

import java.util.concurrent.TimeUnit;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import ai.mezon.light.ChannelMessage;
import ai.mezon.light.ChannelType;
import ai.mezon.light.OutgoingMessage;
import ai.mezon.light.benchmarks.jmh.Samples;
import ai.mezon.light.proto.realtime.Envelope;

/**
 * The per-message work of the socket's two hot paths, end to end but without I/O: an incoming
 * frame to the public {@link ChannelMessage} handlers receive (what the reading thread does), and
 * an {@link OutgoingMessage} to the bytes of its frame (what {@code sendDM} does before writing).
 * It lives in the SDK's package because {@link FrameMapper} is package-private.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FrameMapperBenchmark {

	private byte[] textPush;

	private byte[] jsonAttachmentPush;

	private byte[] protoAttachmentPush;

	private OutgoingMessage outgoing;

	@Setup
	public void setUp() {
		this.textPush = frame(ByteString.EMPTY);
		this.jsonAttachmentPush = frame(Samples.JSON_ATTACHMENTS);
		this.protoAttachmentPush = frame(Samples.PROTO_ATTACHMENTS);
		this.outgoing = OutgoingMessage.text("1840000000000000001", "Hello from the benchmark, with a few words of text");
	}

	private static byte[] frame(ByteString attachments) {
		return EnvelopeCodec.encode(Envelope.newBuilder().setChannelMessage(Samples.message(attachments)).build(), 0,
				false);
	}

	@Benchmark
	public ChannelMessage incomingText() throws InvalidProtocolBufferException {
		return incoming(this.textPush);
	}

	@Benchmark
	public ChannelMessage incomingJsonAttachments() throws InvalidProtocolBufferException {
		return incoming(this.jsonAttachmentPush);
	}

	@Benchmark
	public ChannelMessage incomingProtobufAttachments() throws InvalidProtocolBufferException {
		return incoming(this.protoAttachmentPush);
	}

	/** {@code OutgoingMessage.text} included: building the content JSON is part of every send. */
	@Benchmark
	public byte[] outgoingTextInt32Cid() {
		OutgoingMessage message = OutgoingMessage.text("1840000000000000001",
				"Hello from the benchmark, with a few words of text");
		return EnvelopeCodec.encode(FrameMapper.send(message, ChannelType.DM), 4242, false);
	}

	@Benchmark
	public byte[] outgoingPrebuiltInt32Cid() {
		return EnvelopeCodec.encode(FrameMapper.send(this.outgoing, ChannelType.DM), 4242, false);
	}

	@Benchmark
	public byte[] outgoingPrebuiltLegacyCid() {
		return EnvelopeCodec.encode(FrameMapper.send(this.outgoing, ChannelType.DM), 4242, true);
	}

	private static ChannelMessage incoming(byte[] frame) throws InvalidProtocolBufferException {
		// As IncomingRouter.onFrame: Tomcat hands a ByteBuffer, copied into a ByteString.
		EnvelopeCodec.Decoded decoded = EnvelopeCodec.decode(ByteString.copyFrom(frame));
		return FrameMapper.message(decoded.envelope().getChannelMessage(), (problem) -> {
		});
	}

}
