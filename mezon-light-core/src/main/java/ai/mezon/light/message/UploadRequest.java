package ai.mezon.light.message;

/**
 * A request to presign an upload ({@code UploadAttachmentFile}), as the TypeScript SDK's
 * {@code uploadAttachment(request)} takes it.
 *
 * @param filename the file name
 * @param filetype the MIME type
 * @param size the size in bytes
 * @param width the image width, 0 if not an image
 * @param height the image height, 0 if not an image
 */
public record UploadRequest(String filename, String filetype, long size, int width, int height) {
}
