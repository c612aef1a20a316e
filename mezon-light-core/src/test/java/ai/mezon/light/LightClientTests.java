package ai.mezon.light;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ai.mezon.light.internal.rest.MezonRestApi;
import ai.mezon.light.message.Attachment;
import ai.mezon.light.message.ChannelType;
import ai.mezon.light.message.HistoryDirection;
import ai.mezon.light.message.HistoryMessage;
import ai.mezon.light.message.MezonChannel;
import ai.mezon.light.proto.api.ChannelDescList;
import ai.mezon.light.proto.api.ChannelDescription;
import ai.mezon.light.proto.api.ChannelMessage;
import ai.mezon.light.proto.api.ChannelMessageList;
import ai.mezon.light.proto.api.CreateChannelDescRequest;
import ai.mezon.light.proto.api.ListChannelDescsRequest;
import ai.mezon.light.proto.api.ListChannelMessagesRequest;
import ai.mezon.light.proto.api.Session;
import ai.mezon.light.proto.api.SessionRefreshRequest;
import ai.mezon.light.proto.api.UploadAttachment;
import ai.mezon.light.proto.api.UploadAttachmentRequest;
import ai.mezon.light.session.SessionListener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@link LightClient} logic over a recording fake of the REST API; the HTTP side is covered by
 * {@code RestClientMezonApiTests} and the test server's integration tests.
 */
class LightClientTests {

	private static final Instant EXP = Instant.parse("2099-01-01T00:00:00Z");

	private final FakeApi api = new FakeApi();

	private final LightClientOptions options = LightClientOptions.defaults();

	@Test
	void blankIdTokenFailsBeforeAnyHttp() {
		assertThatExceptionOfType(MezonAuthenticationException.class)
			.isThrownBy(() -> LightClient.authenticate(new AuthenticateConfig(" ", "42", "a"), this.options, this.api));
		assertThat(this.api.calls).isEmpty();
	}

	@Test
	void nonNumericUserIdIsIllegalArgument() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> LightClient.authenticate(new AuthenticateConfig("id", "alice", "a"), this.options,
					this.api));
		assertThat(this.api.calls).isEmpty();
	}

	@Test
	void gatewayAnsweringUnusableTokensIsAuthenticationFailure() {
		this.api.gatewayToken = "not-a-jwt";
		assertThatExceptionOfType(MezonAuthenticationException.class)
			.isThrownBy(() -> LightClient.authenticate(
					new AuthenticateConfig("id", "42", "a", "https://gw.example", null), this.options, this.api))
			.withMessageContaining("unusable session");
	}

	@Test
	void refreshRefusalBecomesSessionException() {
		LightClient client = client();
		this.api.refreshFailure = new MezonApiException("SessionRefresh", 401, "SessionRefresh failed: HTTP 401", null);
		assertThatExceptionOfType(MezonSessionException.class).isThrownBy(client::refreshSession)
			.withMessageContaining("401");
	}

	@Test
	void listChannelMessagesSendsDirectionAndMapsMessages() {
		LightClient client = client();
		this.api.history = ChannelMessageList.newBuilder()
			.addMessages(ChannelMessage.newBuilder()
				.setMessageId(5)
				.setChannelId(9)
				.setSenderId(42)
				.setUsername("alice")
				.setContent("{\"t\":\"hi\"}")
				.setCreateTimeSeconds(1_700_000_000))
			.build();
		List<HistoryMessage> messages = client.listChannelMessages("9", "4", HistoryDirection.AFTER, 20);
		ListChannelMessagesRequest sent = (ListChannelMessagesRequest) this.api.lastRequest;
		assertThat(sent.getClanId()).isZero();
		assertThat(sent.getChannelId()).isEqualTo(9);
		assertThat(sent.getMessageId()).isEqualTo(4);
		assertThat(sent.getLimit()).isEqualTo(20);
		assertThat(sent.getDirection()).isEqualTo(2);
		assertThat(messages).containsExactly(new HistoryMessage("5", "9", "42", "alice", "{\"t\":\"hi\"}", 0,
				Instant.ofEpochSecond(1_700_000_000), null));
		client.listChannelMessages("9", 10);
		assertThat(((ListChannelMessagesRequest) this.api.lastRequest).getDirection()).isEqualTo(1);
		assertThatIllegalArgumentException().isThrownBy(() -> client.listChannelMessages("9", 0));
	}

	@Test
	void historyDirectionWireValues() {
		assertThat(HistoryDirection.BEFORE.wireValue()).isEqualTo(1);
		assertThat(HistoryDirection.AFTER.wireValue()).isEqualTo(2);
		assertThat(HistoryDirection.AROUND.wireValue()).isEqualTo(3);
		assertThat(HistoryDirection.ofWireValue(3)).isEqualTo(HistoryDirection.AROUND);
	}

	@Test
	void uploadFilePresignsPutsAndReturnsCleanAttachment() throws IOException {
		LightClient client = client();
		byte[] png = png(30, 20);
		Attachment attachment = client.uploadFile(png, "cat.png", null);
		UploadAttachmentRequest presign = (UploadAttachmentRequest) this.api.presignRequest;
		assertThat(presign.getFilename()).isEqualTo("cat.png");
		assertThat(presign.getFiletype()).isEqualTo("image/png");
		assertThat(presign.getSize()).isEqualTo(png.length);
		assertThat(presign.getWidth()).isEqualTo(30);
		assertThat(presign.getHeight()).isEqualTo(20);
		assertThat(this.api.putUrl).hasToString("https://cdn.example/u/cat.png?X-Amz-Signature=sig");
		assertThat(this.api.putContentType).isEqualTo("image/png");
		assertThat(this.api.putBody).isEqualTo(png);
		assertThat(attachment).isEqualTo(new Attachment("https://cdn.example/u/cat.png", "cat.png", "image/png",
				png.length, 30, 20, null, 0));
	}

	@Test
	void unreadableImageStillUploadsWithoutDimensions() {
		LightClient client = client();
		Attachment attachment = client.uploadFile(new byte[] { 1, 2, 3 }, "broken.png", "image/png");
		assertThat(attachment.width()).isZero();
		assertThat(attachment.height()).isZero();
		assertThat(this.api.putBody).containsExactly(1, 2, 3);
	}

	@Test
	void uploadFileFromPathGuessesTypeFromName(@TempDir Path dir) throws IOException {
		LightClient client = client();
		Path file = Files.write(dir.resolve("notes.txt"), "hello".getBytes());
		Attachment attachment = client.uploadFile(file);
		assertThat(attachment.filetype()).isEqualTo("text/plain");
		assertThat(attachment.size()).isEqualTo(5);
		// Handed to the API as a file, to stream: never read here.
		assertThat(this.api.calls).containsExactly("presign", "put file");
		assertThat(this.api.putFile).isEqualTo(file);
		assertThat(((UploadAttachmentRequest) this.api.presignRequest).getSize()).isEqualTo(5);
		Path unknown = Files.write(dir.resolve("data.zzqq"), new byte[] { 0 });
		assertThat(client.uploadFile(unknown).filetype()).isEqualTo("application/octet-stream");
	}

	@Test
	void uploadFileFromPathReadsAnImagesSizeFromItsHeader(@TempDir Path dir) throws IOException {
		LightClient client = client();
		Path file = Files.write(dir.resolve("photo.png"), png(31, 17));
		Attachment attachment = client.uploadFile(file);
		assertThat(attachment.width()).isEqualTo(31);
		assertThat(attachment.height()).isEqualTo(17);
		UploadAttachmentRequest presign = (UploadAttachmentRequest) this.api.presignRequest;
		assertThat(presign.getWidth()).isEqualTo(31);
		assertThat(presign.getHeight()).isEqualTo(17);
		assertThat(presign.getSize()).isEqualTo(Files.size(file));
	}

	@Test
	void uploadFileFromAMissingPathFailsBeforeAnyCall(@TempDir Path dir) {
		LightClient client = client();
		assertThatExceptionOfType(java.io.UncheckedIOException.class)
			.isThrownBy(() -> client.uploadFile(dir.resolve("missing.bin")))
			.withMessageContaining("missing.bin");
		assertThat(this.api.calls).isEmpty();
	}

	@Test
	void clearTextUploadUrlRefusedToNonLoopbackHost() {
		LightClient client = client();
		this.api.presignedUrl = "http://cdn.example/u/a.bin?X-Amz-Signature=s3cr3t";
		assertThatExceptionOfType(MezonApiException.class)
			.isThrownBy(() -> client.uploadFile(new byte[1], "a.bin", null))
			.withMessageContaining("clear text")
			.withMessageNotContaining("s3cr3t");
		assertThat(this.api.putUrl).isNull();
	}

	// Channel list (ListChannelDescs)

	private static ChannelDescription desc(long id, int type, long... users) {
		ChannelDescription.Builder desc = ChannelDescription.newBuilder().setChannelId(id).setType(type).setCreatorId(42);
		for (long user : users) {
			desc.addUserIds(user);
		}
		return desc.build();
	}

	private static ChannelDescList page(int from, int count) {
		ChannelDescList.Builder page = ChannelDescList.newBuilder();
		for (int i = from; i < from + count; i++) {
			page.addChanneldesc(desc(1000 + i, (i % 2 == 0) ? 3 : 2, 7, 8));
		}
		return page.build();
	}

	@Test
	void listDirectChannelsPagesUntilAShortPageWithTheProtocolsConstants() {
		LightClient client = client();
		this.api.channelPages.add(page(0, 100));
		this.api.channelPages.add(page(100, 100));
		this.api.channelPages.add(page(200, 5));
		List<MezonChannel> channels = client.listDirectChannels();
		assertThat(channels).hasSize(205);
		assertThat(this.api.channelRequests).extracting(ListChannelDescsRequest::getPage).containsExactly(1, 2, 3);
		assertThat(this.api.channelRequests).allSatisfy((request) -> {
			assertThat(request.getClanId()).isZero();
			assertThat(request.getState()).isEqualTo(1);
			assertThat(request.getLimit()).isEqualTo(100);
			assertThat(request.getChannelType()).isEqualTo(2);
		});
		assertThat(channels.get(0)).isEqualTo(new MezonChannel("1000", ChannelType.DM, List.of("7", "8"), "", "42"));
		assertThat(channels.get(1).type()).isEqualTo(ChannelType.GROUP);
	}

	@Test
	void listDirectChannelsOfAnExactMultipleAsksOneEmptyPageMore() {
		LightClient client = client();
		this.api.channelPages.add(page(0, 100));
		assertThat(client.listDirectChannels()).hasSize(100);
		assertThat(this.api.channelRequests).hasSize(2);
	}

	@Test
	void listDirectChannelsSkipsEmptyEntriesOtherKindsAndDuplicates() {
		LightClient client = client();
		ChannelDescList.Builder first = ChannelDescList.newBuilder();
		first.addChanneldesc(ChannelDescription.getDefaultInstance());
		first.addChanneldesc(desc(1, 3, 7));
		first.addChanneldesc(desc(2, 1));
		for (int i = 0; i < 97; i++) {
			first.addChanneldesc(desc(10 + i, 2, 7));
		}
		this.api.channelPages.add(first.build());
		// A channel created while paging shifts the pages: the second page repeats one.
		this.api.channelPages.add(ChannelDescList.newBuilder().addChanneldesc(desc(106, 2, 7)).addChanneldesc(desc(500, 3, 9)).build());
		List<MezonChannel> channels = client.listDirectChannels();
		assertThat(channels).extracting(MezonChannel::channelId).doesNotHaveDuplicates().contains("1", "500")
			.doesNotContain("2", "", "0");
		assertThat(channels).hasSize(1 + 97 + 1);
	}

	@Test
	void listDirectChannelsStopsWhenAServerIgnoresThePage() {
		LightClient client = client();
		ChannelDescList full = page(0, 100);
		for (int i = 0; i < 5; i++) {
			this.api.channelPages.add(full);
		}
		assertThat(client.listDirectChannels()).hasSize(100);
		assertThat(this.api.channelRequests).hasSize(2);
	}

	// Host URLs

	@Test
	void gatewayAnsweringAnInvalidHostFailsNamingIt() {
		this.api.gatewayWsUrl = "javascript:alert(1)";
		assertThatExceptionOfType(MezonInvalidUrlException.class)
			.isThrownBy(() -> LightClient.authenticate(new AuthenticateConfig("secret-id-token", "42", "a"), this.options,
					this.api))
			.withMessageContaining("javascript:alert(1)")
			.withMessageNotContaining("secret-id-token")
			.withMessageNotContaining(this.api.gatewayToken)
			.satisfies((ex) -> assertThat(ex.getField()).isEqualTo("ws_url"));
		this.api.gatewayWsUrl = "ws.example";
		this.api.gatewayApiUrl = "https://api.example:99999";
		assertThatExceptionOfType(MezonInvalidUrlException.class)
			.isThrownBy(() -> LightClient.authenticate(new AuthenticateConfig("id", "42", "a"), this.options, this.api))
			.withMessageContaining("https://api.example:99999")
			.withMessageContaining("99999");
	}

	@Test
	void restoredSessionWithAnInvalidHostFailsNamingIt() {
		String token = TestJwts.token(42, EXP);
		assertThatExceptionOfType(MezonInvalidUrlException.class)
			.isThrownBy(() -> LightClient.initClient(
					new ClientInitConfig(token, token, "https://api.example", "wss://ws.example:99999", "42", null),
					this.options, this.api))
			.withMessageContaining("wss://ws.example:99999")
			.withMessageNotContaining(token);
	}

	@Test
	void refreshAdoptsTheAnswersHostsAndRefusesInvalidOnes() {
		LightClient client = client();
		client.refreshSession();
		assertThat(client.getSession().getApiUrl()).isEqualTo("https://api.example");
		this.api.refreshApiUrl = "https://api2.example";
		this.api.refreshWsUrl = "ws2.example";
		client.refreshSession();
		assertThat(client.getSession().getApiUrl()).isEqualTo("https://api2.example");
		assertThat(client.getSession().getWsUrl()).isEqualTo("ws2.example");
		this.api.refreshWsUrl = "ftp://ws.example";
		assertThatExceptionOfType(MezonInvalidUrlException.class).isThrownBy(client::refreshSession)
			.withMessageContaining("ftp://ws.example");
		assertThat(client.getSession().getWsUrl()).isEqualTo("ws2.example");
	}

	// Signing in again

	@Test
	void reauthenticateWithoutAnIdTokenIsAnAuthenticationFailure() {
		LightClient client = client();
		assertThat(client.canReauthenticate()).isFalse();
		assertThatExceptionOfType(MezonAuthenticationException.class).isThrownBy(client::reauthenticate)
			.withMessageContaining("no id token");
		assertThat(this.api.calls).isEmpty();
	}

	@Test
	void authenticatedClientSignsInAgainTakingTheGatewaysHostsAndTellsListeners() throws Exception {
		LightClient client = LightClient.authenticate(new AuthenticateConfig("secret-id-token", "42", "a"), this.options,
				this.api);
		assertThat(client.canReauthenticate()).isTrue();
		assertThat(client.toString()).doesNotContain("secret-id-token");
		List<SessionListener.Change> changes = new java.util.concurrent.CopyOnWriteArrayList<>();
		client.addSessionListener((session, change) -> changes.add(change));
		this.api.gatewayToken = TestJwts.token(42, EXP.plusSeconds(60));
		this.api.gatewayApiUrl = "https://moved.example";
		ai.mezon.light.session.Session session = client.reauthenticate();
		assertThat(session.getToken()).isEqualTo(this.api.gatewayToken);
		assertThat(client.getSession()).isSameAs(session);
		assertThat(session.getApiUrl()).isEqualTo("https://moved.example");
		assertThat(changes).containsExactly(SessionListener.Change.AUTHENTICATED);
	}

	@Test
	void restoredClientGivenCredentialsSignsInAgain() {
		LightClient client = client();
		client.setReauthentication(new AuthenticateConfig("id", "42", "a"));
		assertThat(client.canReauthenticate()).isTrue();
		client.reauthenticate();
		assertThat(this.api.calls).containsExactly("authenticate");
		client.setReauthentication(null);
		assertThat(client.canReauthenticate()).isFalse();
	}

	@Test
	void reauthenticateRefusesASessionOfAnotherUser() {
		LightClient client = client();
		ai.mezon.light.session.Session before = client.getSession();
		client.setReauthentication(new AuthenticateConfig("id", "43", "a"));
		this.api.gatewayToken = TestJwts.token(43, EXP);
		assertThatExceptionOfType(MezonAuthenticationException.class).isThrownBy(client::reauthenticate)
			.withMessageContaining("43");
		assertThat(client.getSession()).isSameAs(before);
	}

	@Test
	void concurrentReauthenticationsShareOneGatewayRequest() throws Exception {
		LightClient client = client();
		client.setReauthentication(new AuthenticateConfig("id", "42", "a"));
		this.api.authenticateGate = new java.util.concurrent.CountDownLatch(1);
		List<ai.mezon.light.session.Session> results = new java.util.concurrent.CopyOnWriteArrayList<>();
		List<Thread> callers = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			callers.add(new Thread(() -> results.add(client.reauthenticate()), "reauth-" + i));
		}
		callers.get(0).start();
		org.awaitility.Awaitility.await().until(() -> this.api.authenticateCount.get() == 1);
		for (Thread caller : callers.subList(1, 4)) {
			caller.start();
		}
		// The others park on the first one's result while it is held inside the gateway call.
		org.awaitility.Awaitility.await()
			.until(() -> callers.subList(1, 4).stream().allMatch((t) -> t.getState() == Thread.State.WAITING));
		this.api.authenticateGate.countDown();
		for (Thread caller : callers) {
			caller.join(10_000);
		}
		assertThat(this.api.authenticateCount).hasValue(1);
		assertThat(results).hasSize(4);
		assertThat(results).allSatisfy((session) -> assertThat(session).isSameAs(results.get(0)));
	}

	private LightClient client() {
		String token = TestJwts.token(42, EXP);
		return LightClient.initClient(new ClientInitConfig(token, token, "https://api.example", null, "42", null),
				this.options, this.api);
	}

	private static byte[] png(int width, int height) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png", out);
		return out.toByteArray();
	}

	static final class FakeApi implements MezonRestApi {

		final List<String> calls = new ArrayList<>();

		String gatewayToken = TestJwts.token(42, EXP);

		String presignedUrl = "https://cdn.example/u/cat.png?X-Amz-Signature=sig";

		String gatewayApiUrl = "https://api.example";

		String gatewayWsUrl = "ws.example";

		String refreshApiUrl = "";

		String refreshWsUrl = "";

		final java.util.concurrent.atomic.AtomicInteger authenticateCount = new java.util.concurrent.atomic.AtomicInteger();

		java.util.concurrent.CountDownLatch authenticateGate = new java.util.concurrent.CountDownLatch(0);

		@Nullable MezonApiException refreshFailure;

		ChannelMessageList history = ChannelMessageList.getDefaultInstance();

		@Nullable Object lastRequest;

		@Nullable Object presignRequest;

		@Nullable URI putUrl;

		@Nullable String putContentType;

		byte @Nullable [] putBody;

		@Nullable Path putFile;

		@Override
		public GatewaySession authenticate(URI gateway, String serverKey, String idToken, String userId,
				String username) {
			this.calls.add("authenticate");
			this.authenticateCount.incrementAndGet();
			try {
				this.authenticateGate.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return new GatewaySession(this.gatewayToken, this.gatewayToken, this.gatewayApiUrl, this.gatewayWsUrl,
					userId);
		}

		@Override
		public Session refreshSession(URI api, String serverKey, SessionRefreshRequest request) {
			this.calls.add("refresh");
			if (this.refreshFailure != null) {
				throw this.refreshFailure;
			}
			return Session.newBuilder()
				.setToken(this.gatewayToken)
				.setApiUrl(this.refreshApiUrl)
				.setWsUrl(this.refreshWsUrl)
				.build();
		}

		@Override
		public ChannelDescription createChannelDesc(URI api, String token, CreateChannelDescRequest request) {
			this.calls.add("createChannelDesc");
			this.lastRequest = request;
			return ChannelDescription.newBuilder().setChannelId(1).build();
		}

		@Override
		public UploadAttachment uploadAttachmentFile(URI api, String token, UploadAttachmentRequest request) {
			this.calls.add("presign");
			this.presignRequest = request;
			return UploadAttachment.newBuilder().setFilename(request.getFilename()).setUrl(this.presignedUrl).build();
		}

		@Override
		public ChannelMessageList listChannelMessages(URI api, String token, ListChannelMessagesRequest request) {
			this.calls.add("history");
			this.lastRequest = request;
			return this.history;
		}

		final List<ChannelDescList> channelPages = new ArrayList<>();

		final List<ListChannelDescsRequest> channelRequests = new ArrayList<>();

		@Override
		public ChannelDescList listChannelDescs(URI api, String token, ListChannelDescsRequest request) {
			this.calls.add("listChannelDescs");
			this.channelRequests.add(request);
			int index = request.getPage() - 1;
			return (index >= 0 && index < this.channelPages.size()) ? this.channelPages.get(index)
					: ChannelDescList.getDefaultInstance();
		}

		@Override
		public void putObject(URI presignedUrl, byte[] body, String contentType) {
			this.calls.add("put");
			this.putUrl = presignedUrl;
			this.putBody = body;
			this.putContentType = contentType;
		}

		@Override
		public void putObject(URI presignedUrl, Path file, String contentType) {
			this.calls.add("put file");
			this.putUrl = presignedUrl;
			this.putFile = file;
			this.putContentType = contentType;
		}

	}

}
