package ai.mezon.light;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ai.mezon.light.proto.api.UploadAttachment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Memory independent of size, proven in a JVM whose whole heap is 64 MB
 * ({@link SmallHeapProcess}), against a server in this JVM that keeps nothing:
 * <ul>
 * <li>uploads stream from disk: a 200 MB file goes up whole (the server presigns, then digests the
 * PUT body as it comes);</li>
 * <li>a 200 MB gateway answer fails with {@link MezonResponseTooLargeException}.</li>
 * </ul>
 * Each has a control run in the same heap, without the protection (the file read into memory; the
 * cap raised above the answer), which runs out of memory: the heap really is too small, so the
 * protection is what made the difference.
 */
class SmallHeapTests {

	private static final long SIZE = 200L * 1024 * 1024;

	private final ExecutorService executor = Executors.newCachedThreadPool();

	private final AtomicLong receivedBytes = new AtomicLong();

	private final AtomicReference<String> receivedDigest = new AtomicReference<>();

	private final AtomicReference<String> receivedLength = new AtomicReference<>();

	private HttpServer server;

	@BeforeEach
	void startServer() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.setExecutor(this.executor);
		String base = "http://127.0.0.1:";
		this.server.createContext("/mezon.api.Mezon/UploadAttachmentFile", (exchange) -> {
			exchange.getRequestBody().readAllBytes();
			byte[] answer = UploadAttachment.newBuilder()
				.setFilename("big.bin")
				.setUrl(base + this.server.getAddress().getPort() + "/uploads/big.bin?X-Amz-Signature=s")
				.build()
				.toByteArray();
			exchange.getResponseHeaders().set("Content-Type", "application/proto");
			exchange.sendResponseHeaders(200, answer.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(answer);
			}
		});
		this.server.createContext("/uploads/", (exchange) -> {
			this.receivedLength.set(exchange.getRequestHeaders().getFirst("Content-Length"));
			try (DigestInputStream in = new DigestInputStream(exchange.getRequestBody(), sha256())) {
				this.receivedBytes.set(in.transferTo(OutputStream.nullOutputStream()));
				this.receivedDigest.set(HexFormat.of().formatHex(in.getMessageDigest().digest()));
			}
			exchange.sendResponseHeaders(200, -1);
			exchange.close();
		});
		this.server.createContext("/v2/account/authenticate/idtoken", (exchange) -> {
			exchange.getRequestBody().readAllBytes();
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			// No Content-Length: the client only finds out while reading.
			exchange.sendResponseHeaders(200, 0);
			byte[] chunk = new byte[64 * 1024];
			java.util.Arrays.fill(chunk, (byte) ' ');
			try (OutputStream out = exchange.getResponseBody()) {
				for (long sent = 0; sent < SIZE; sent += chunk.length) {
					out.write(chunk);
				}
			}
			catch (IOException ex) {
				// The client hung up (at its cap, or out of memory).
			}
		});
		this.server.start();
	}

	@AfterEach
	void stopServer() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

	@Test
	void aFileFarLargerThanTheHeapIsUploadedWhole(@TempDir Path dir) throws Exception {
		Path file = bigFile(dir);
		Result streamed = run("upload-stream", file.toString());
		assertThat(streamed.exitCode()).as(streamed.output()).isZero();
		assertThat(streamed.output()).contains("uploaded " + SIZE);
		System.out.println("200 MB upload at -Xmx64m: " + streamed.output().strip());
		assertThat(this.receivedLength.get()).isEqualTo(String.valueOf(SIZE));
		assertThat(this.receivedBytes.get()).isEqualTo(SIZE);
		assertThat(this.receivedDigest.get()).isEqualTo(digest(file));

		// The control: the same heap cannot hold the file, so the streaming above was needed.
		Result buffered = run("upload-bytes", file.toString());
		assertThat(buffered.exitCode()).isNotZero();
		assertThat(buffered.output()).contains("OutOfMemoryError");
	}

	@Test
	void aTwoHundredMegabyteGatewayAnswerFailsWithTheCap() throws Exception {
		Result capped = run("authenticate", String.valueOf(LightClientOptions.DEFAULT_MAX_RESPONSE_SIZE));
		assertThat(capped.exitCode()).as(capped.output()).isZero();
		assertThat(capped.output()).contains("refused " + MezonResponseTooLargeException.class.getName()
				+ ": authenticate answered more than the 16777216-byte limit");

		// The control: with the cap above the answer, the same heap runs out of memory (which
		// Spring's client reports as the I/O failure of the call, hence a caught exception).
		Result uncapped = run("authenticate", String.valueOf(1L << 40));
		assertThat(uncapped.output()).contains("OutOfMemoryError")
			.doesNotContain(MezonResponseTooLargeException.class.getSimpleName());
	}

	/** 200 MB, sparse, with distinct bytes at both ends so a digest tells truncation apart. */
	private static Path bigFile(Path dir) throws IOException {
		Path file = dir.resolve("big.bin");
		try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
			raf.setLength(SIZE);
			raf.seek(0);
			raf.write("start".getBytes(StandardCharsets.US_ASCII));
			raf.seek(SIZE - 3);
			raf.write("end".getBytes(StandardCharsets.US_ASCII));
		}
		return file;
	}

	private Result run(String mode, String argument) throws IOException, InterruptedException {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		Process process = new ProcessBuilder(List.of(java, "-Xmx64m", "-XX:+UseSerialGC",
				"-cp", System.getProperty("java.class.path"), SmallHeapProcess.class.getName(),
				"http://127.0.0.1:" + this.server.getAddress().getPort(), mode, argument))
			.redirectErrorStream(true)
			.start();
		byte[] output;
		try (InputStream in = process.getInputStream()) {
			output = in.readAllBytes();
		}
		assertThat(process.waitFor(3, TimeUnit.MINUTES)).isTrue();
		return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
	}

	private static String digest(Path file) throws IOException {
		try (DigestInputStream in = new DigestInputStream(Files.newInputStream(file), sha256())) {
			in.transferTo(OutputStream.nullOutputStream());
			return HexFormat.of().formatHex(in.getMessageDigest().digest());
		}
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private record Result(int exitCode, String output) {
	}

}
