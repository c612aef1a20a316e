package ai.mezon.light.sample;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;

import ai.mezon.light.LightClient;
import ai.mezon.light.LightSocket;
import ai.mezon.light.sample.web.ConversationController.Sent;
import ai.mezon.light.sample.web.ConversationLine;
import ai.mezon.light.test.MezonTestServer;
import ai.mezon.light.test.StoredMessage;
import ai.mezon.light.test.TestChannel;
import ai.mezon.light.test.UploadedFile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * The application with no credentials: it starts the embedded server, the bot signs in there,
 * and the simulated visitor chats with it, by itself and through the page's API.
 */
@DemoModeTest
class DemoModeTests {

	@LocalServerPort
	private int port;

	@Autowired
	private MezonTestServer server;

	@Autowired
	private LightClient bot;

	@Autowired
	private LightSocket botSocket;

	private SampleHttp http;

	@BeforeEach
	void visitorReady() {
		this.http = new SampleHttp(this.port);
		await().atMost(SampleHttp.WAIT).until(() -> this.http.info().visitorReady());
	}

	@Test
	void botSignsInToTheEmbeddedServer() {
		assertThat(this.bot.getSession().getApiUrl()).isEqualTo(this.server.baseUrl());
		assertThat(this.http.info().demo()).isTrue();
		assertThat(this.http.info().botUserId()).isEqualTo(this.bot.userId());
	}

	@Test
	void visitorGreetsAndChatsOnItsOwn() {
		this.http.awaitLine((line) -> line.fromBot() && line.text().equals("echo: Hello bot!"));
		// The first canned line, said after one chat interval.
		this.http.awaitLine((line) -> line.fromBot() && line.text().equals("echo: How are you today?"));
	}

	@Test
	void echoesWhatTheVisitorWrites() {
		String text = "hello " + UUID.randomUUID();
		Sent sent = this.http.sendAsVisitor(text);
		ConversationLine reply = this.http.awaitReplyTo(sent);
		assertThat(reply.text()).isEqualTo("echo: " + text);
		assertThat(reply.channelId()).isEqualTo(sent.channelId());
		assertThat(reply.sender()).isEqualTo("echo-bot");
		// The page shows what went through the server: both messages are in the DM's history.
		assertThat(this.server.messages(channel(sent.channelId()))).extracting(StoredMessage::text)
			.contains(text, "echo: " + text);
	}

	@Test
	void catAnswersWithAPngServedByTheServer() throws Exception {
		ConversationLine reply = this.http.awaitReplyTo(this.http.sendAsVisitor("/cat"));
		assertThat(reply.attachments()).hasSize(1);
		ConversationLine.File file = reply.attachments().get(0);
		assertThat(file.filetype()).isEqualTo("image/png");
		assertThat(file.image()).isTrue();
		assertThat(file.url()).startsWith(this.server.baseUrl() + "/");
		// What a browser does with the <img>: fetch the public URL.
		HttpResponse<byte[]> image = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(file.url())).build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(image.statusCode()).isEqualTo(200);
		assertThat(image.headers().firstValue("Content-Type")).hasValue("image/png");
		BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(image.body()));
		assertThat(decoded.getWidth()).isEqualTo(256);
		UploadedFile uploaded = this.server.uploadedFile(file.url()).orElseThrow();
		assertThat(uploaded.contentType()).isEqualTo("image/png");
		assertThat(uploaded.bytes()).isEqualTo(image.body());
	}

	@Test
	void catUploadFailureIsAnsweredToo() {
		// The next REST call (the upload's presign) fails: the bot says so instead of staying silent.
		this.server.failRestCalls(503, 1);
		this.http.sendAsVisitor("/cat");
		this.http.awaitLine((line) -> line.fromBot() && line.text().startsWith("The cat ran away"));
	}

	@Test
	void helpAndTime() {
		ConversationLine help = this.http.awaitReplyTo(this.http.sendAsVisitor("/help"));
		assertThat(help.text()).contains("/help", "/time", "/cat");
		ConversationLine time = this.http.awaitReplyTo(this.http.sendAsVisitor("/time"));
		assertThat(time.text()).matches("It is \\d\\d:\\d\\d:\\d\\d on .+\\.");
	}

	@Test
	void attachmentUrlsThatAreNotHttpAreWithheldFromTheApi() throws Exception {
		String text = "files " + UUID.randomUUID();
		HostileSender.send(this.server, this.bot.userId(), this.botSocket, text);
		ConversationLine line = this.http.awaitLine((candidate) -> candidate.text().equals(text));
		assertThat(line.attachments()).extracting(ConversationLine.File::filename, ConversationLine.File::url,
				ConversationLine.File::blockedUrl, ConversationLine.File::image)
			.containsExactly(tuple("click-me.html", null, HostileSender.SCRIPT_URL, false),
					tuple("pixel.svg", null, HostileSender.DATA_URL, false),
					tuple("report.pdf", HostileSender.SAFE_URL, null, false));
	}

	@Test
	void refusesBlankText() {
		assertThat(this.http.postAsVisitor("  ").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
	}

	@Test
	void streamSendsOnlyLinesAfterTheLastEventId() throws Exception {
		long last = this.http.lines().stream().mapToLong(ConversationLine::id).max().orElse(0);
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/conversation/stream"))
			.header("Accept", "text/event-stream")
			.header("Last-Event-ID", Long.toString(last))
			.build();
		HttpResponse<Stream<String>> response = HttpClient.newHttpClient()
			.send(request, HttpResponse.BodyHandlers.ofLines());
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("text/event-stream"));
		String text = "streamed " + UUID.randomUUID();
		this.http.sendAsVisitor(text);
		try (Stream<String> lines = response.body()) {
			// Reads until the echo comes; the first id on the stream must be newer than the last one seen.
			CompletableFuture<Long> firstId = CompletableFuture.supplyAsync(() -> {
				long first = -1;
				for (String line : (Iterable<String>) lines::iterator) {
					if (first < 0 && line.startsWith("id:")) {
						first = Long.parseLong(line.substring(3).strip());
					}
					if (line.startsWith("data:") && line.contains("\"echo: " + text + "\"")) {
						return first;
					}
				}
				return -1L;
			});
			assertThat(firstId.get(SampleHttp.WAIT.toSeconds(), TimeUnit.SECONDS)).isGreaterThan(last);
		}
	}

	@Test
	void pageAndActuator() {
		assertThat(this.http.get("/", new ParameterizedTypeReference<String>() {
		})).contains("EventSource", "/api/visitor/messages");
		Map<String, Object> health = this.http.get("/actuator/health", new ParameterizedTypeReference<>() {
		});
		assertThat(health).containsEntry("status", "UP");
		// Components' statuses for anyone, their details (user id, last error) only when authorized.
		assertThat(health).extractingByKey("components")
			.extracting("mezon")
			.extracting("status")
			.isEqualTo("UP");
		assertThat(health).extractingByKey("components")
			.extracting("mezon")
			.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
			.doesNotContainKey("details");
		Map<String, Object> received = this.http.get("/actuator/metrics/mezon.messages.received",
				new ParameterizedTypeReference<>() {
				});
		assertThat(received).containsEntry("name", "mezon.messages.received");
		assertThat(this.http.get("/actuator/info", new ParameterizedTypeReference<Map<String, Object>>() {
		})).containsKey("app");
	}

	private TestChannel channel(String id) {
		return this.server.channels().stream().filter((channel) -> channel.idString().equals(id)).findFirst().orElseThrow();
	}

}
