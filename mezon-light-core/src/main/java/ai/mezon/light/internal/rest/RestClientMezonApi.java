package ai.mezon.light.internal.rest;

import java.net.URI;

import ai.mezon.light.LightClientOptions;
import ai.mezon.light.proto.api.ChannelDescription;
import ai.mezon.light.proto.api.ChannelMessageList;
import ai.mezon.light.proto.api.CreateChannelDescRequest;
import ai.mezon.light.proto.api.ListChannelMessagesRequest;
import ai.mezon.light.proto.api.Session;
import ai.mezon.light.proto.api.SessionRefreshRequest;
import ai.mezon.light.proto.api.UploadAttachment;
import ai.mezon.light.proto.api.UploadAttachmentRequest;

/** PLACEHOLDER until the REST layer lands (issue 2). */
public final class RestClientMezonApi implements MezonRestApi {

	public RestClientMezonApi(LightClientOptions options) {
	}

	@Override
	public GatewaySession authenticate(URI gateway, String serverKey, String idToken, String userId, String username) {
		throw new UnsupportedOperationException("not implemented");
	}

	@Override
	public Session refreshSession(URI api, String serverKey, SessionRefreshRequest request) {
		throw new UnsupportedOperationException("not implemented");
	}

	@Override
	public ChannelDescription createChannelDesc(URI api, String token, CreateChannelDescRequest request) {
		throw new UnsupportedOperationException("not implemented");
	}

	@Override
	public UploadAttachment uploadAttachmentFile(URI api, String token, UploadAttachmentRequest request) {
		throw new UnsupportedOperationException("not implemented");
	}

	@Override
	public ChannelMessageList listChannelMessages(URI api, String token, ListChannelMessagesRequest request) {
		throw new UnsupportedOperationException("not implemented");
	}

	@Override
	public void putObject(URI presignedUrl, byte[] body, String contentType) {
		throw new UnsupportedOperationException("not implemented");
	}

}
