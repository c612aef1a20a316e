package ai.mezon.light.internal.rest;

import java.net.URI;

import ai.mezon.light.MezonApiException;
import ai.mezon.light.MezonAuthenticationException;
import ai.mezon.light.MezonTimeoutException;
import ai.mezon.light.proto.api.ChannelDescList;
import ai.mezon.light.proto.api.ChannelDescription;
import ai.mezon.light.proto.api.ChannelMessageList;
import ai.mezon.light.proto.api.CreateChannelDescRequest;
import ai.mezon.light.proto.api.ListChannelDescsRequest;
import ai.mezon.light.proto.api.ListChannelMessagesRequest;
import ai.mezon.light.proto.api.Session;
import ai.mezon.light.proto.api.SessionRefreshRequest;
import ai.mezon.light.proto.api.UploadAttachment;
import ai.mezon.light.proto.api.UploadAttachmentRequest;

/**
 * The REST calls of PROTOCOL.md §2, one method each. Blocking, on the caller's thread; every call
 * is bounded by the client's request timeout ({@link MezonTimeoutException}) and maps non-2xx
 * answers to {@link MezonApiException} (or {@link MezonAuthenticationException} for the gateway).
 * Host arguments are REST bases as {@code Endpoints.restBase} returns them. Every answer's body is
 * capped ({@link ai.mezon.light.MezonResponseTooLargeException}).
 */
public interface MezonRestApi {

	/**
	 * {@code POST {gateway}/v2/account/authenticate/idtoken} with HTTP Basic {@code serverKey:}.
	 * @return the five required fields of the answer
	 * @throws MezonAuthenticationException on any failure, with the HTTP status when there was one
	 */
	GatewaySession authenticate(URI gateway, String serverKey, String idToken, String userId, String username);

	/** {@code POST {api}/mezon.api.Mezon/SessionRefresh} with HTTP Basic {@code serverKey:}. */
	Session refreshSession(URI api, String serverKey, SessionRefreshRequest request);

	/** {@code POST {api}/mezon.api.Mezon/CreateChannelDesc} with a bearer token. */
	ChannelDescription createChannelDesc(URI api, String token, CreateChannelDescRequest request);

	/** {@code POST {api}/mezon.api.Mezon/UploadAttachmentFile} with a bearer token. */
	UploadAttachment uploadAttachmentFile(URI api, String token, UploadAttachmentRequest request);

	/** {@code POST {api}/mezon.api.Mezon/ListChannelMessages} with a bearer token. */
	ChannelMessageList listChannelMessages(URI api, String token, ListChannelMessagesRequest request);

	/** {@code POST {api}/mezon.api.Mezon/ListChannelDescs} with a bearer token: one page of the user's channels. */
	ChannelDescList listChannelDescs(URI api, String token, ListChannelDescsRequest request);

	/**
	 * {@code PUT} raw bytes to a presigned URL (no Mezon credentials: they are in the URL).
	 * @param presignedUrl the URL from {@link #uploadAttachmentFile}
	 * @param body the bytes
	 * @param contentType the file's MIME type
	 */
	void putObject(URI presignedUrl, byte[] body, String contentType);

	/**
	 * {@code PUT} a file to a presigned URL, streamed from disk: memory use does not depend on the
	 * file's size.
	 * @param presignedUrl the URL from {@link #uploadAttachmentFile}
	 * @param file the file
	 * @param contentType the file's MIME type
	 * @throws java.io.UncheckedIOException if the file cannot be opened
	 */
	void putObject(URI presignedUrl, java.nio.file.Path file, String contentType);

	/**
	 * The gateway's answer to authenticate: {@code token, refresh_token, api_url, ws_url, user_id},
	 * all required.
	 */
	record GatewaySession(String token, String refreshToken, String apiUrl, String wsUrl, String userId) {

		@Override
		public String toString() {
			return "GatewaySession[apiUrl=" + this.apiUrl + ", wsUrl=" + this.wsUrl + ", userId=" + this.userId + "]";
		}

	}

}
