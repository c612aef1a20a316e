package ai.mezon.light.benchmarks.jmh;

import java.util.concurrent.TimeUnit;

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

import ai.mezon.light.codec.EnvelopeFrames;
import ai.mezon.light.proto.realtime.Envelope;

/**
 * {@link EnvelopeFrames} (the public face of the SDK's own envelope codec) in both {@code cid} encodings (int32 and the legacy decimal string), with
 * the generated parser and serializer alone ({@code raw*}) as the floor the codec adds to.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class EnvelopeCodecBenchmark {

	private Envelope ack;

	private Envelope push;

	private byte[] ackInt32;

	private byte[] ackLegacy;

	private byte[] pushFrame;

	@Setup
	public void setUp() {
		this.ack = Samples.ack();
		this.push = Samples.push();
		this.ackInt32 = EnvelopeFrames.encode(this.ack, 12345, false);
		this.ackLegacy = EnvelopeFrames.encode(this.ack, 12345, true);
		this.pushFrame = EnvelopeFrames.encode(this.push, 0, false);
	}

	@Benchmark
	public byte[] encodeReplyInt32Cid() {
		return EnvelopeFrames.encode(this.ack, 12345, false);
	}

	@Benchmark
	public byte[] encodeReplyLegacyCid() {
		return EnvelopeFrames.encode(this.ack, 12345, true);
	}

	@Benchmark
	public byte[] rawEncodeReply() {
		return this.ack.toBuilder().setCid(12345).build().toByteArray();
	}

	@Benchmark
	public EnvelopeFrames.Frame decodeReplyInt32Cid() throws InvalidProtocolBufferException {
		return EnvelopeFrames.decode(this.ackInt32);
	}

	@Benchmark
	public EnvelopeFrames.Frame decodeReplyLegacyCid() throws InvalidProtocolBufferException {
		return EnvelopeFrames.decode(this.ackLegacy);
	}

	@Benchmark
	public EnvelopeFrames.Frame decodePush() throws InvalidProtocolBufferException {
		return EnvelopeFrames.decode(this.pushFrame);
	}

	@Benchmark
	public Envelope rawDecodePush() throws InvalidProtocolBufferException {
		return Envelope.parseFrom(this.pushFrame);
	}

}
