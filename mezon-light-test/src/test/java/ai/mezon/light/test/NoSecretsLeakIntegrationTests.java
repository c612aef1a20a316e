package ai.mezon.light.test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import ai.mezon.light.AuthenticateConfig;
import ai.mezon.light.ConnectOptions;
import ai.mezon.light.ConnectionState;
import ai.mezon.light.LightClient;
import ai.mezon.light.LightSocket;
import ai.mezon.light.MezonException;
import ai.mezon.light.SocketListener;
import ai.mezon.light.SocketOptions;
import ai.mezon.light.internal.rest.RestClientMezonApi;
import ai.mezon.light.message.Attachment;
import ai.mezon.light.message.OutgoingMessage;
import ai.mezon.light.message.PresignedUpload;
import ai.mezon.light.message.UploadRequest;
import ai.mezon.light.session.SessionData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Runs every REST path, failures included, and a whole socket cycle (sign-in, connect, join, send,
 * upload from memory and from a file, refresh, reconnect with the new token, disconnect) with all
 * logging at TRACE, {@code ai.mezon.light} and everything else, and checks that no id token,
 * access token, refresh token or presigned signature shows up in a log line, on stdout or stderr,
 * in an exception (message or cause chain) or in a {@code toString()}.
 *
 * <p>Loggers that are not SLF4J ones (the JDK HTTP client's {@code System.Logger}s, Tomcat's JULI)
 * are not bridged here: those do print URLs with secrets at DEBUG, which the README's Operations
 * section says and tells how to keep at INFO.
 */
@ExtendWith(OutputCaptureExtension.class)
class NoSecretsLeakIntegrationTests {

	private static final String ID_TOKEN = "ID-TOKEN-a8f3c2e1d9b7";

	@RegisterExtension
	MezonTestServerExtension server = new MezonTestServerExtension();

	private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

	private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

	private Level rootLevel;

	private final Logger ours = (Logger) LoggerFactory.getLogger("ai.mezon.light");

	private Level ourLevel;

	private final Set<String> secrets = new LinkedHashSet<>();

	private final List<String> exposed = new ArrayList<>();

	@BeforeEach
	void captureLogs() {
		this.rootLevel = this.root.getLevel();
		this.ourLevel = this.ours.getLevel();
		this.root.setLevel(Level.TRACE);
		// Explicitly too: a logback-test.xml that set ai.mezon.light lower would otherwise win.
		this.ours.setLevel(Level.TRACE);
		this.appender.start();
		this.root.addAppender(this.appender);
	}

	@AfterEach
	void restoreLogs() {
		this.root.detachAppender(this.appender);
		this.root.setLevel(this.rootLevel);
		this.ours.setLevel(this.ourLevel);
	}

	@Test
	void noSecretAnywhere(CapturedOutput output, @TempDir Path dir) throws Exception {
		MezonTestServer server = this.server.get();
		this.secrets.add(ID_TOKEN);
		AuthenticateConfig config = new AuthenticateConfig(ID_TOKEN, "4242", "leaky", server.baseUrl(),
				server.serverKey());
		LightClient client = LightClient.authenticate(config, server.clientOptions());
		client.addSessionListener((session, change) -> remember(session.export()));
		SessionData first = client.exportSession();
		remember(first);
		this.exposed.add(config.toString());

		client.createDM("4343");
		client.uploadFile(new byte[] { 1, 2, 3 }, "secret.bin", null);
		PresignedUpload upload = client.uploadAttachment(new UploadRequest("x.bin", "application/octet-stream", 1, 0, 0));
		String query = upload.url().substring(upload.url().indexOf('?') + 1);
		this.secrets.add(query.substring(query.indexOf("X-Amz-Signature=") + "X-Amz-Signature=".length()));
		this.exposed.add(upload.toString());
		client.refreshSession();
		socketCycle(server, client, dir);

		// Failures: tampered upload, replayed refresh token, expired token, timeout, wrong key.
		RestClientMezonApi api = new RestClientMezonApi(server.clientOptions());
		expectFailure(() -> api.putObject(URI.create(upload.url().replace("X-Amz-Expires=300", "X-Amz-Expires=301")),
				new byte[1], "application/octet-stream"));
		expectFailure(() -> LightClient.restore(first, server.clientOptions()).refreshSession());
		server.advanceClock(Duration.ofHours(2));
		expectFailure(() -> client.createDM("4444"));
		client.refreshSession();
		LightClient impatient = LightClient.restore(client.exportSession(),
				server.clientOptions().toBuilder().requestTimeout(Duration.ofMillis(300)).build());
		server.delayRestCalls(Duration.ofSeconds(1));
		expectFailure(() -> impatient.createDM("4545"));
		expectFailure(impatient::refreshSession);
		server.delayRestCalls(Duration.ZERO);
		expectFailure(() -> LightClient.authenticate(new AuthenticateConfig(ID_TOKEN, "4242", "leaky", server.baseUrl(),
				"WrongKey"), server.clientOptions()));
		this.exposed.add(client.toString());
		this.exposed.add(client.getSession().toString());
		this.exposed.add(client.exportSession().toString());

		for (ILoggingEvent event : this.appender.list) {
			this.exposed.add(event.getFormattedMessage());
			for (IThrowableProxy proxy = event.getThrowableProxy(); proxy != null; proxy = proxy.getCause()) {
				this.exposed.add(proxy.getClassName() + ": " + proxy.getMessage());
			}
		}
		this.exposed.add(output.getAll());
		assertThat(this.appender.list).as("debug logging happened").isNotEmpty();
		// Not vacuous: our TRACE and DEBUG lines are there, the socket's included.
		assertThat(this.appender.list)
			.anySatisfy((event) -> assertThat(event.getLevel()).isEqualTo(Level.TRACE))
			.anySatisfy((event) -> assertThat(event.getLoggerName()).startsWith("ai.mezon.light.internal.socket"))
			// The socket URL is logged without its query, where the token travels.
			.anySatisfy((event) -> assertThat(event.getFormattedMessage()).matches("Opening socket link \\d+ to ws://127\\.0\\.0\\.1:\\d+/ws"));
		assertThat(this.secrets).hasSizeGreaterThanOrEqualTo(6);
		for (String secret : this.secrets) {
			assertThat(this.exposed).as("exposed texts").noneSatisfy((text) -> assertThat(text).contains(secret));
		}
	}

	/**
	 * Connect, join, send, upload a file and send it, refresh while connected, reconnect with the
	 * refreshed token, send again, disconnect.
	 */
	private void socketCycle(MezonTestServer server, LightClient client, Path dir) throws Exception {
		TestUser peer = server.createUser("peer");
		String dm = client.createDM(peer.idString()).channelId();
		SocketOptions options = SocketOptions.builder()
			.heartbeatInterval(Duration.ofSeconds(2))
			.reconnectBackoff(Duration.ofMillis(20), Duration.ofMillis(200), 2.0)
			.build();
		try (LightSocket socket = client.createSocket(options)) {
			List<ConnectionState> states = new CopyOnWriteArrayList<>();
			socket.addListener(new SocketListener() {
				@Override
				public void onConnectionStateChanged(ConnectionState previous, ConnectionState current) {
					states.add(current);
				}
			});
			socket.connect(ConnectOptions.defaults().withVerbose(true)).get(10, TimeUnit.SECONDS);
			socket.joinDMChannel(dm).get(10, TimeUnit.SECONDS);
			socket.sendDM(dm, "hello").get(10, TimeUnit.SECONDS);
			Path file = Files.write(dir.resolve("report.txt"), "from disk".getBytes(StandardCharsets.UTF_8));
			Attachment attachment = client.uploadFile(file);
			this.exposed.add(attachment.toString());
			socket.sendDM(OutgoingMessage.text(dm, "a file").withAttachments(List.of(attachment)))
				.get(10, TimeUnit.SECONDS);
			client.refreshSession();
			server.dropConnections();
			await().atMost(Duration.ofSeconds(20))
				.until(() -> states.lastIndexOf(ConnectionState.CONNECTED) > states.indexOf(ConnectionState.RECONNECTING)
						&& states.contains(ConnectionState.RECONNECTING) && socket.isConnected());
			socket.sendDM(dm, "after the reconnect").get(10, TimeUnit.SECONDS);
			this.exposed.add(socket.toString());
			socket.disconnect();
		}
		assertThat(server.messages(server.channels().stream()
			.filter((channel) -> channel.idString().equals(dm))
			.findFirst()
			.orElseThrow())).hasSize(3);
	}

	private void remember(SessionData session) {
		this.secrets.add(session.token());
		this.secrets.add(session.refreshToken());
	}

	private void expectFailure(Runnable call) {
		Consumer<MezonException> record = (ex) -> {
			for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
				this.exposed.add(cause.toString());
			}
		};
		assertThatExceptionOfType(MezonException.class).isThrownBy(call::run).satisfies(record::accept);
	}

}
