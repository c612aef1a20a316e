package ai.mezon.light.test.internal.rest;

import com.google.protobuf.Message;

import ai.mezon.light.proto.api.UploadAttachment;
import ai.mezon.light.proto.api.UploadAttachmentRequest;
import ai.mezon.light.test.internal.TokenService.VerifiedToken;

/**
 * {@code UploadAttachmentFile}: answers a presigned {@code PUT} URL on this server,
 * {@code /uploads/{snowflake}/{filename}?X-Amz-...}, valid for a few minutes.
 */
final class UploadAttachmentFileCall extends BearerCall<UploadAttachmentRequest> {

	static final String NAME = "UploadAttachmentFile";

	UploadAttachmentFileCall(RestEnvironment env) {
		super(env, UploadAttachmentRequest.parser());
	}

	@Override
	protected Message handle(VerifiedToken caller, UploadAttachmentRequest request) {
		if (request.getFilename().isBlank()) {
			throw new HttpError(400, "filename is required");
		}
		if (request.getSize() < 0) {
			throw new HttpError(400, "size must not be negative");
		}
		String path = UploadServlet.PREFIX + this.env.state().ids().next() + "/" + encodeSegment(request.getFilename());
		return UploadAttachment.newBuilder()
			.setFilename(request.getFilename())
			.setUrl(this.env.baseUrl().get() + path + "?" + this.env.presignedUrls().presign(path))
			.build();
	}

	/**
	 * Percent-encodes a file name as one path segment (RFC 3986 unreserved characters kept), so the
	 * raw path the client sends back is exactly the one signed. Slashes cannot sneak in a segment.
	 */
	static String encodeSegment(String filename) {
		StringBuilder encoded = new StringBuilder();
		for (byte b : filename.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
			char c = (char) (b & 0xFF);
			if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
					|| c == '_' || c == '~') {
				encoded.append(c);
			}
			else {
				encoded.append('%').append(String.format("%02X", b & 0xFF));
			}
		}
		return encoded.toString();
	}

}
