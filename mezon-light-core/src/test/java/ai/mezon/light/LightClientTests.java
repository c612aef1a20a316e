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
import ai.mezon.light.proto.api.ChannelDescription;
import ai.mezon.light.proto.api.ChannelMessage;
import ai.mezon.light.proto.api.ChannelMessageList;
import ai.mezon.light.proto.api.CreateChannelDescRequest;
import ai.mezon.light.proto.api.ListChannelMessagesRequest;
import ai.mezon.light.proto.api.Session;
import ai.mezon.light.proto.api.SessionRefreshRequest;
import ai.mezon.light.proto.api.UploadAttachment;
import ai.mezon.light.proto.api.UploadAttachmentRequest;

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
			return new GatewaySession(this.gatewayToken, this.gatewayToken, "https://api.example", "ws.example", userId);
		}

		@Override
		public Session refreshSession(URI api, String serverKey, SessionRefreshRequest request) {
			this.calls.add("refresh");
			if (this.refreshFailure != null) {
				throw this.refreshFailure;
			}
			return Session.newBuilder().setToken(this.gatewayToken).build();
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
