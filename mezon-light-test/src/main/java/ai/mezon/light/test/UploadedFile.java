package ai.mezon.light.test;

/**
 * A file uploaded to the test server through a presigned URL.
 *
 * @param contentType the {@code Content-Type} it was uploaded with
 * @param bytes the content
 */
public record UploadedFile(String contentType, byte[] bytes) {

	@Override
	public String toString() {
		return "UploadedFile[contentType=" + this.contentType + ", size=" + this.bytes.length + "]";
	}

}
