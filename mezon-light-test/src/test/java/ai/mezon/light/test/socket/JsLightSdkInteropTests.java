package ai.mezon.light.test.socket;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import ai.mezon.light.message.Attachment;
import ai.mezon.light.message.ChannelMessage;
import ai.mezon.light.message.OutgoingMessage;
import ai.mezon.light.session.SessionData;
import ai.mezon.light.test.MezonTestServer;
import ai.mezon.light.test.MezonTestServerExtension;
import ai.mezon.light.test.ReceivedFrame;
import ai.mezon.light.test.TestChannel;
import ai.mezon.light.test.TestUser;
import ai.mezon.light.test.socket.SocketTestSupport.Connected;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Interop with a client we did not write: the published npm package {@code mezon-light-sdk@1.0.5}
 * (legacy string cid) and our SDK (int32 cid) in one DM on the test server, messages both ways
 * with attachments. The package is installed by {@code .ci/run}
 * ({@code npm --prefix mezon-light-test/src/test/js ci}); when it or Node is missing this test
 * fails, it does not skip.
 */
class JsLightSdkInteropTests {

	/** A server of this test's own, closed after it. */
	@RegisterExtension
	final MezonTestServerExtension mezon = new MezonTestServerExtension();

	private static final Path JS_DIR = Path.of("src", "test", "js");

	private static final long WAIT_SECONDS = 30;

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void typeScriptSdkAndJavaSdkExchangeDmsWithAttachments() throws Exception {
		String node = findNode();
		if (!Files.isDirectory(JS_DIR.resolve("node_modules").resolve("mezon-light-sdk"))) {
			fail("mezon-light-sdk is not installed in " + JS_DIR.toAbsolutePath()
					+ ": run `npm --prefix mezon-light-test/src/test/js ci` from the repository root (.ci/run does)");
		}
		MezonTestServer server = this.mezon.get();
		try (SocketTestSupport support = new SocketTestSupport(server)) {
			TestUser javaUser = server.createUser("java-user");
			TestUser jsUser = server.createUser("js-user");
			TestChannel dm = server.createDm(javaUser, jsUser);
			Connected java = support.connect(javaUser);
			java.socket().joinDMChannel(dm.idString()).join();

			SessionData jsSession = server.issueSession(jsUser);
			ProcessBuilder builder = new ProcessBuilder(node, "--experimental-websocket", "interop.cjs")
				.directory(JS_DIR.toFile());
			Path stderr = Files.createTempFile("mezon-interop", ".stderr");
			builder.redirectError(stderr.toFile());
			Map<String, String> env = builder.environment();
			env.put("MEZON_TOKEN", jsSession.token());
			env.put("MEZON_REFRESH_TOKEN", jsSession.refreshToken());
			env.put("MEZON_API_URL", server.baseUrl());
			env.put("MEZON_USER_ID", jsUser.idString());
			env.put("MEZON_CHANNEL_ID", dm.idString());
			Process process = builder.start();
			try {
				BlockingQueue<JsonNode> events = readEvents(process);
				expect(events, "ready", process, stderr);

				Attachment fromJava = new Attachment("https://cdn.example/java.jpg", "java.jpg", "image/jpeg", 4096, 640,
						480, null, 0);
				java.socket()
					.sendDM(OutgoingMessage.text(dm.idString(), "hello from Java").withAttachments(List.of(fromJava)))
					.join();
				JsonNode received = expect(events, "message", process, stderr);
				assertThat(received.get("text").asString()).isEqualTo("hello from Java");
				assertThat(received.get("senderId").asString()).isEqualTo(javaUser.idString());
				assertThat(received.get("channelId").asString()).isEqualTo(dm.idString());
				JsonNode attachment = received.get("attachments").get(0);
				assertThat(attachment.get("url").asString()).isEqualTo("https://cdn.example/java.jpg");
				assertThat(attachment.get("filename").asString()).isEqualTo("java.jpg");
				assertThat(attachment.get("size").asInt()).isEqualTo(4096);
				assertThat(attachment.get("width").asInt()).isEqualTo(640);

				ChannelMessage fromJs = java.events().nextMessage();
				assertThat(fromJs.text()).isEqualTo("hello from the TypeScript SDK");
				assertThat(fromJs.senderId()).isEqualTo(jsUser.idString());
				assertThat(fromJs.attachments()).containsExactly(
						new Attachment("https://cdn.example/js.png", "js.png", "image/png", 2048, 32, 16, null, 0));
				// The JS client waits for the ack (legacy cid answered as a string) before "ack".
				expect(events, "ack", process, stderr);
				expect(events, "done", process, stderr);
				assertThat(process.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
				assertThat(process.exitValue()).as("node exit code; stderr:%n%s", read(stderr)).isZero();
			}
			finally {
				process.destroyForcibly();
			}
			List<ReceivedFrame> jsFrames = server.framesFrom(jsUser);
			assertThat(jsFrames).isNotEmpty().allMatch(ReceivedFrame::legacyCid);
			assertThat(server.framesFrom(javaUser)).isNotEmpty().noneMatch(ReceivedFrame::legacyCid);
		}
	}

	private BlockingQueue<JsonNode> readEvents(Process process) {
		BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();
		Thread reader = new Thread(() -> {
			try (BufferedReader lines = new BufferedReader(
					new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
				String line;
				while ((line = lines.readLine()) != null) {
					if (line.startsWith("{")) {
						events.add(this.json.readTree(line));
					}
				}
			}
			catch (IOException | RuntimeException ex) {
				// The process ended; expect() reports what is missing.
			}
		}, "interop-stdout");
		reader.setDaemon(true);
		reader.start();
		return events;
	}

	private static JsonNode expect(BlockingQueue<JsonNode> events, String kind, Process process, Path stderr)
			throws Exception {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
		while (System.nanoTime() < deadline) {
			JsonNode event = events.poll(100, TimeUnit.MILLISECONDS);
			if (event == null) {
				if (!process.isAlive() && events.isEmpty()) {
					fail("node exited (" + process.exitValue() + ") before '" + kind + "'; stderr:\n" + read(stderr));
				}
				continue;
			}
			String name = event.get("event").asString();
			if (name.equals("error") || name.equals("socket-error")) {
				fail("The TypeScript SDK reported " + event + "; stderr:\n" + read(stderr));
			}
			if (name.equals(kind)) {
				return event;
			}
		}
		fail("No '" + kind + "' from node within " + WAIT_SECONDS + " s; stderr:\n" + read(stderr));
		return null;
	}

	private static String findNode() {
		String configured = System.getProperty("mezon.node");
		if (configured != null && !configured.isBlank()) {
			return configured;
		}
		for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
			Path candidate = Path.of(dir, "node");
			if (Files.isExecutable(candidate)) {
				return candidate.toString();
			}
		}
		fail("Node.js (20+) is required for the interop test and was not found on PATH"
				+ " (or set -Dmezon.node=/path/to/node)");
		return "node";
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			return "<unreadable: " + ex + ">";
		}
	}

}
