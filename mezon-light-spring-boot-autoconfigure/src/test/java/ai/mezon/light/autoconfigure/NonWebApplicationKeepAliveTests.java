package ai.mezon.light.autoconfigure;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ai.mezon.light.test.MezonTestServer;
import ai.mezon.light.test.TestChannel;
import ai.mezon.light.test.TestUser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A bot without a web server, in a JVM of its own whose {@code main} returns after start-up: the
 * running socket keeps it alive (and answering) until its context closes, and then it exits by
 * itself. The server runs in this JVM, so nothing of it keeps the bot's JVM up.
 */
class NonWebApplicationKeepAliveTests {

	private static final Duration START = Duration.ofSeconds(120);

	private MezonTestServer server;

	private TestUser bot;

	private Process process;

	private Thread reader;

	private final List<String> output = new CopyOnWriteArrayList<>();

	@BeforeEach
	void startServer() {
		this.server = MezonTestServer.builder().build().start();
		this.bot = this.server.createUser("non-web-bot");
	}

	@AfterEach
	void stop() {
		if (this.process != null) {
			this.process.destroyForcibly();
		}
		this.server.close();
	}

	@Test
	void staysUpWhileConnectedAndExitsWhenTheContextCloses() throws Exception {
		start();
		TestUser alice = this.server.createUser("alice");
		TestChannel dm = this.server.createDm(alice, this.bot);

		// main has returned; the bot still answers, so its JVM is up and serving. It joins the new DM
		// by itself, at a moment this test cannot see: say hello until one is answered.
		AtomicInteger hellos = new AtomicInteger();
		await().atMost(START).pollInterval(Duration.ofMillis(500)).until(() -> {
			this.server.sendAs(alice, dm, "hello " + hellos.incrementAndGet());
			return this.server.messages(dm).stream().anyMatch((m) -> m.text().contains("echo: hello"));
		});
		assertThat(this.process.isAlive()).isTrue();

		closeContext();
		assertThat(this.process.waitFor(60, TimeUnit.SECONDS)).as("exited after the context closed; output:%n%s",
				String.join("\n", this.output)).isTrue();
		assertThat(this.process.exitValue()).isZero();
	}

	/** The control: without a running socket nothing keeps this JVM up, so the test above can fail. */
	@Test
	void withoutAutoConnectTheJvmExitsRightAfterStartUp() throws Exception {
		start("--mezon.socket.auto-connect=false");
		assertThat(this.process.waitFor(60, TimeUnit.SECONDS)).as("exited; output:%n%s",
				String.join("\n", this.output)).isTrue();
		assertThat(this.process.exitValue()).isZero();
	}

	private void start(String... extra) throws IOException {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		List<String> command = new ArrayList<>(List.of(java, "-Xshare:auto", "-cp",
				System.getProperty("java.class.path"), NonWebBotApplication.class.getName(),
				"--mezon.gateway-url=" + this.server.baseUrl(), "--mezon.server-key=" + this.server.serverKey(),
				"--mezon.user-id=" + this.bot.idString(), "--mezon.username=" + this.bot.username(),
				"--mezon.socket.connect-timeout=5s", "--spring.main.banner-mode=off"));
		command.addAll(List.of(extra));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		// The id token through the environment, as a user would pass it.
		builder.environment().put("MEZON_ID_TOKEN", MezonTestServer.TEST_ID_TOKEN);
		this.process = builder.start();
		this.reader = new Thread(this::readOutput, "non-web-bot-output");
		this.reader.setDaemon(true);
		this.reader.start();
		// Its output is read to the end even when it exits at once.
		await().atMost(START).until(() -> this.output.contains(NonWebBotApplication.READY) || !this.reader.isAlive());
		assertThat(this.output).as("started; output:%n%s", String.join("\n", this.output))
			.contains(NonWebBotApplication.READY);
	}

	private void readOutput() {
		try (BufferedReader in = new BufferedReader(
				new InputStreamReader(this.process.getInputStream(), StandardCharsets.UTF_8))) {
			for (String line = in.readLine(); line != null; line = in.readLine()) {
				this.output.add(line);
			}
		}
		catch (IOException ex) {
			// The process is gone.
		}
	}

	private void closeContext() throws IOException {
		OutputStream in = this.process.getOutputStream();
		in.write("close\n".getBytes(StandardCharsets.UTF_8));
		in.flush();
	}

}
