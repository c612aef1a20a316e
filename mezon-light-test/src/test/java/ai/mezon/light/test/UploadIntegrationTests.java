package ai.mezon.light.test;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import ai.mezon.light.LightClient;
import ai.mezon.light.message.Attachment;
import ai.mezon.light.message.PresignedUpload;
import ai.mezon.light.message.UploadRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Uploads end to end: presign, {@code PUT} to the presigned URL, {@code GET} from the CDN URL.
 */
class UploadIntegrationTests {

	@RegisterExtension
	MezonTestServerExtension server = new MezonTestServerExtension();

	@Test
	void pngRoundTripsWithDimensions() throws IOException {
		LightClient client = authenticate();
		byte[] png = png(64, 48);
		Attachment attachment = client.uploadFile(png, "cat.png", null);
		assertThat(attachment.filetype()).isEqualTo("image/png");
		assertThat(attachment.width()).isEqualTo(64);
		assertThat(attachment.height()).isEqualTo(48);
		assertThat(attachment.size()).isEqualTo(png.length);
		assertThat(attachment.url()).startsWith(this.server.get().baseUrl() + "/uploads/")
			.endsWith("/cat.png")
			.doesNotContain("?");
		assertThat(this.server.get().uploadedFile(attachment.url())).hasValueSatisfying((file) -> {
			assertThat(file.contentType()).isEqualTo("image/png");
			assertThat(file.bytes()).isEqualTo(png);
		});
		HttpResponse<byte[]> cdn = RawHttp.get(attachment.url());
		assertThat(cdn.statusCode()).isEqualTo(200);
		assertThat(cdn.headers().firstValue("Content-Type")).hasValue("image/png");
		assertThat(cdn.body()).isEqualTo(png);
	}

	@Test
	void fileFromDiskWithNonAsciiName(@TempDir Path dir) throws IOException {
		LightClient client = authenticate();
		Path file = Files.writeString(dir.resolve("ghi chú é.txt"), "xin chào", StandardCharsets.UTF_8);
		Attachment attachment = client.uploadFile(file);
		assertThat(attachment.filename()).isEqualTo("ghi chú é.txt");
		assertThat(attachment.filetype()).isEqualTo("text/plain");
		assertThat(attachment.width()).isZero();
		assertThat(RawHttp.text(RawHttp.get(attachment.url()))).isEqualTo("xin chào");
	}

	@Test
	void tamperedSignatureIsForbidden() {
		PresignedUpload upload = presign("a.bin");
		String url = upload.url();
		char last = url.charAt(url.length() - 1);
		String tampered = url.substring(0, url.length() - 1) + ((last == '0') ? '1' : '0');
		assertThat(put(tampered).statusCode()).isEqualTo(403);
		assertThat(put(upload.publicUrl()).statusCode()).isEqualTo(403);
		// The signature covers the path: it does not authorise another object.
		String otherPath = url.replace("/a.bin?", "/b.bin?");
		assertThat(put(otherPath).statusCode()).isEqualTo(403);
		assertThat(this.server.get().uploadedFile(upload.publicUrl())).isEmpty();
		assertThat(put(url).statusCode()).isEqualTo(200);
		assertThat(this.server.get().uploadedFile(upload.publicUrl())).isPresent();
	}

	@Test
	void expiredPresignedUrlIsForbidden() {
		PresignedUpload upload = presign("late.bin");
		this.server.get().advanceClock(MezonTestServer.UPLOAD_URL_LIFETIME.plus(Duration.ofSeconds(1)));
		assertThat(put(upload.url()).statusCode()).isEqualTo(403);
	}

	@Test
	void unknownObjectIsNotFound() {
		assertThat(RawHttp.get(this.server.get().baseUrl() + "/uploads/1/nothing.png").statusCode()).isEqualTo(404);
		assertThat(this.server.get().uploadedFile(this.server.get().baseUrl() + "/uploads/1/nothing.png")).isEmpty();
	}

	private PresignedUpload presign(String filename) {
		return authenticate().uploadAttachment(new UploadRequest(filename, "application/octet-stream", 3, 0, 0));
	}

	private static HttpResponse<byte[]> put(String url) {
		return RawHttp.send("PUT", url, "application/octet-stream", null, new byte[] { 1, 2, 3 });
	}

	private LightClient authenticate() {
		return LightClient.authenticate(this.server.get().authenticateConfig("700", "uploader"),
				this.server.get().clientOptions());
	}

	private static byte[] png(int width, int height) throws IOException {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
		image.setRGB(1, 1, 0xFF00FF00);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "png", out);
		return out.toByteArray();
	}

}
