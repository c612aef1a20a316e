package ai.mezon.light.benchmarks.jmh;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.databind.JsonNode;

import ai.mezon.light.codec.MessageContents;
import ai.mezon.light.codec.MessageParts;
import ai.mezon.light.message.Attachment;

/**
 * Decoding of an incoming message's parts: its JSON content string, and its attachment bytes in
 * both forms Mezon sends (JSON and a protobuf {@code MessageAttachmentList}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ContentDecodeBenchmark {

	@Benchmark
	public JsonNode parseTextContent() {
		return MessageContents.parse(Samples.TEXT_CONTENT);
	}

	@Benchmark
	public JsonNode parseNonJsonContent() {
		// Not JSON: the parser fails and the codec falls back to {"t": raw}.
		return MessageContents.parse("hello, plain text");
	}

	@Benchmark
	public List<Attachment> decodeJsonAttachments() {
		return MessageParts.attachments(Samples.JSON_ATTACHMENTS);
	}

	@Benchmark
	public List<Attachment> decodeProtobufAttachments() {
		return MessageParts.attachments(Samples.PROTO_ATTACHMENTS);
	}

	@Benchmark
	public String encodeTextContent() {
		return MessageContents.ofText("Hello from the benchmark, with a few words of text");
	}

}
