package ai.mezon.light.message;

import ai.mezon.light.LightClient;

/**
 * The server's answer to {@link LightClient#uploadAttachment(UploadRequest)}: where to {@code PUT}
 * the bytes. The URL carries short-lived credentials in its query string: do not log it.
 *
 * @param filename the file name as the server stored it
 * @param url the presigned URL
 */
public record PresignedUpload(String filename, String url) {

	/** @return the public URL of the file once uploaded: the presigned URL without its query */
	public String publicUrl() {
		int query = this.url.indexOf('?');
		return (query >= 0) ? this.url.substring(0, query) : this.url;
	}

	@Override
	public String toString() {
		return "PresignedUpload[filename=" + this.filename + ", url=" + publicUrl() + "?****]";
	}

}
