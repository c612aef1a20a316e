package ai.mezon.light;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ai.mezon.light.internal.net.Endpoints;
import ai.mezon.light.internal.rest.MezonRestApi;
import ai.mezon.light.internal.rest.MezonRestApi.GatewaySession;
import ai.mezon.light.internal.rest.RestClientMezonApi;
import ai.mezon.light.internal.upload.ContentTypes;
import ai.mezon.light.internal.upload.ImageSize;
import ai.mezon.light.message.Attachment;
import ai.mezon.light.message.ChannelType;
import ai.mezon.light.message.HistoryDirection;
import ai.mezon.light.message.HistoryMessage;
import ai.mezon.light.message.MezonChannel;
import ai.mezon.light.message.PresignedUpload;
import ai.mezon.light.message.UploadRequest;
import ai.mezon.light.proto.api.ChannelDescList;
import ai.mezon.light.proto.api.ChannelDescription;
import ai.mezon.light.proto.api.ChannelMessageList;
import ai.mezon.light.proto.api.CreateChannelDescRequest;
import ai.mezon.light.proto.api.ListChannelDescsRequest;
import ai.mezon.light.proto.api.ListChannelMessagesRequest;
import ai.mezon.light.proto.api.SessionRefreshRequest;
import ai.mezon.light.proto.api.UploadAttachment;
import ai.mezon.light.proto.api.UploadAttachmentRequest;
import ai.mezon.light.session.RefreshCoordinator;
import ai.mezon.light.session.Session;
import ai.mezon.light.session.SessionData;
import ai.mezon.light.session.SessionListener;

/**
 * The session and REST side of the Mezon light protocol, the Java counterpart of the TypeScript
 * SDK's {@code LightClient}.
 *
 * <p>Create one with {@link #authenticate(AuthenticateConfig)} (an id token) or
 * {@link #initClient(ClientInitConfig)} (an existing session). REST calls block the calling
 * thread, bounded by {@link LightClientOptions#requestTimeout()}. The client is thread-safe: the
 * session is replaced atomically, and concurrent {@link #refreshSession()} calls share one HTTP
 * request, as do concurrent {@link #reauthenticate()} calls.
 */
public final class LightClient {

	private static final Logger logger = LoggerFactory.getLogger(LightClient.class);

	private final MezonRestApi api;

	private final LightClientOptions options;

	private final String serverKey;

	private final List<SessionListener> sessionListeners = new CopyOnWriteArrayList<>();

	private final Object refreshLock = new Object();

	private volatile Session session;

	private @Nullable CompletableFuture<Session> refreshInFlight;

	private volatile @Nullable RefreshCoordinator refreshCoordinator;

	// The id token credentials to sign in again with; never exposed, never printed (toString masks).
	private volatile @Nullable AuthenticateConfig reauthentication;

	private @Nullable CompletableFuture<Session> reauthenticationInFlight;

	LightClient(MezonRestApi api, LightClientOptions options, String serverKey, Session session) {
		this.api = api;
		this.options = options;
		this.serverKey = serverKey;
		this.session = session;
	}

	/**
	 * Authenticates with an id token at the gateway and returns a client holding the new session.
	 * @param config the id token and user
	 * @return the client
	 * @throws MezonAuthenticationException if the gateway refuses or answers incompletely
	 * @throws MezonTimeoutException if the gateway does not answer in time
	 * @throws MezonResponseTooLargeException if the gateway's answer is larger than
	 * {@link LightClientOptions#maxResponseSize()}
	 */
	public static LightClient authenticate(AuthenticateConfig config) {
		return authenticate(config, LightClientOptions.defaults());
	}

	/**
	 * Authenticates with an id token at the gateway and returns a client holding the new session.
	 * @param config the id token and user
	 * @param options timeouts, transport policy, clock
	 * @return the client
	 * @throws MezonAuthenticationException if the gateway refuses or answers incompletely
	 * @throws MezonTimeoutException if the gateway does not answer in time
	 * @throws MezonResponseTooLargeException if the gateway's answer is larger than
	 * {@link LightClientOptions#maxResponseSize()}
	 */
	public static LightClient authenticate(AuthenticateConfig config, LightClientOptions options) {
		return authenticate(config, options, new RestClientMezonApi(options));
	}

	static LightClient authenticate(AuthenticateConfig config, LightClientOptions options, MezonRestApi api) {
		if (config.idToken() == null || config.idToken().isBlank()) {
			throw new MezonAuthenticationException("Cannot authenticate: id token is blank", 0, null);
		}
		Ids.parse("userId", config.userId());
		Session session = signIn(config, options, api);
		LightClient client = new LightClient(api, options, config.effectiveServerKey(), session);
		client.reauthentication = config;
		return client;
	}

	/**
	 * One authenticate call at the gateway.
	 * @throws MezonInvalidUrlException if the gateway answered an unusable {@code api_url} or
	 * {@code ws_url} (not wrapped: the URL is the news)
	 */
	private static Session signIn(AuthenticateConfig config, LightClientOptions options, MezonRestApi api) {
		URI gateway = Endpoints.restBase(config.effectiveGatewayUrl(), options.allowInsecureTransport());
		GatewaySession answer = api.authenticate(gateway, config.effectiveServerKey(), config.idToken(),
				config.userId(), config.username());
		Session session;
		try {
			session = Session.of(answer.token(), answer.refreshToken(), answer.apiUrl(), answer.wsUrl(),
					answer.userId(), false);
		}
		catch (MezonSessionException ex) {
			throw new MezonAuthenticationException("Gateway answered an unusable session: " + ex.getMessage(), 0, ex);
		}
		logger.debug("Authenticated user {} at {}; api {}, socket {}", session.getUserId(), gateway,
				session.getApiUrl(), session.getWsUrl());
		return session;
	}

	/**
	 * Resumes an existing session without authenticating.
	 * @param config the session's parts
	 * @return the client
	 * @throws MezonSessionException naming every missing field, or if a token is malformed
	 */
	public static LightClient initClient(ClientInitConfig config) {
		return initClient(config, LightClientOptions.defaults());
	}

	/**
	 * Resumes an existing session without authenticating.
	 * @param config the session's parts
	 * @param options timeouts, transport policy, clock
	 * @return the client
	 * @throws MezonSessionException naming every missing field, or if a token is malformed
	 */
	public static LightClient initClient(ClientInitConfig config, LightClientOptions options) {
		return initClient(config, options, new RestClientMezonApi(options));
	}

	static LightClient initClient(ClientInitConfig config, LightClientOptions options, MezonRestApi api) {
		config.validate();
		Session session = Session.of(Objects.requireNonNull(config.token()),
				Objects.requireNonNull(config.refreshToken()), Objects.requireNonNull(config.apiUrl()),
				config.wsUrl(), config.userId(), false);
		// Fail now, not at the first call, when the host breaks the transport policy.
		Endpoints.restBase(session.getApiUrl(), options.allowInsecureTransport());
		return new LightClient(api, options, config.effectiveServerKey(), session);
	}

	/**
	 * Resumes an exported session (ours or the TypeScript SDK's) without authenticating.
	 * @param data the exported session
	 * @param options timeouts, transport policy, clock
	 * @return the client
	 */
	public static LightClient restore(SessionData data, LightClientOptions options) {
		return initClient(ClientInitConfig.from(data), options);
	}

	/** @return the current session's user id (decimal) */
	public String userId() {
		return this.session.getUserId();
	}

	/** @return the current session */
	public Session getSession() {
		return this.session;
	}

	/** @return the current access token; never log it */
	public String getToken() {
		return this.session.getToken();
	}

	/** @return the current refresh token; never log it */
	public String getRefreshToken() {
		return this.session.getRefreshToken();
	}

	/** @return whether the access token has expired */
	public boolean isSessionExpired() {
		return this.session.isExpired(this.options.clock());
	}

	/** @return whether the refresh token has expired (the session can no longer be refreshed) */
	public boolean isRefreshSessionExpired() {
		return this.session.isRefreshExpired(this.options.clock());
	}

	/** @return the session in the TypeScript SDK's export shape */
	public SessionData exportSession() {
		return this.session.export();
	}

	/** @return the options this client was built with */
	public LightClientOptions getOptions() {
		return this.options;
	}

	/**
	 * Registers a listener told of every session change (authentication is already done when a
	 * listener can be added, so it sees refreshes).
	 * @param listener the listener
	 * @return a handle whose {@code close()} removes the listener
	 */
	public AutoCloseable addSessionListener(SessionListener listener) {
		this.sessionListeners.add(Objects.requireNonNull(listener, "listener"));
		return () -> this.sessionListeners.remove(listener);
	}

	/**
	 * Refreshes the session with the refresh token. Concurrent callers share one request; the
	 * answer's tokens replace both old ones (the refresh token may rotate) and session listeners
	 * are told before this method returns.
	 * @return the new session
	 * @throws MezonSessionException if the refresh token has expired or the server refuses it
	 * @throws MezonInvalidUrlException if the answer names a host ({@code api_url}, {@code ws_url})
	 * that is not a usable URL; hosts it names are adopted, absent ones kept
	 * @throws MezonTimeoutException if the server does not answer in time
	 */
	public Session refreshSession() {
		CompletableFuture<Session> shared;
		boolean owner = false;
		synchronized (this.refreshLock) {
			if (this.refreshInFlight == null) {
				this.refreshInFlight = new CompletableFuture<>();
				owner = true;
			}
			shared = this.refreshInFlight;
		}
		if (owner) {
			try {
				shared.complete(coordinatedRefresh());
			}
			catch (RuntimeException ex) {
				shared.completeExceptionally(ex);
			}
			finally {
				synchronized (this.refreshLock) {
					this.refreshInFlight = null;
				}
			}
		}
		return await(shared);
	}

	/**
	 * Sets who coordinates refreshes with other instances sharing this session: every
	 * {@link #refreshSession()}, the socket's before reconnecting included, goes through it.
	 * @param coordinator the coordinator, or {@code null} to refresh directly (default)
	 */
	public void setRefreshCoordinator(@Nullable RefreshCoordinator coordinator) {
		this.refreshCoordinator = coordinator;
	}

	private Session coordinatedRefresh() {
		RefreshCoordinator coordinator = this.refreshCoordinator;
		if (coordinator == null) {
			return doRefresh();
		}
		Session before = this.session;
		Session result = coordinator.coordinate(before, this::doRefresh);
		if (result != this.session) {
			// Another instance rotated the tokens first: adopt its session instead of refreshing.
			replaceSession(result, SessionListener.Change.REFRESHED);
		}
		return result;
	}

	private Session doRefresh() {
		Session current = this.session;
		if (current.isRefreshExpired(this.options.clock())) {
			throw new MezonSessionException("Cannot refresh: the refresh token expired at "
					+ current.getRefreshExpiresAt());
		}
		SessionRefreshRequest request = SessionRefreshRequest.newBuilder()
			.setToken(current.getRefreshToken())
			.putAllVars(current.getVars())
			.setIsRemember(current.isRemember())
			.build();
		ai.mezon.light.proto.api.Session answer;
		try {
			answer = this.api.refreshSession(apiBase(current), this.serverKey, request);
		}
		catch (MezonApiException ex) {
			throw new MezonSessionException("Session refresh refused (HTTP " + ex.getStatusCode() + ")", ex);
		}
		if (answer.getToken().isEmpty()) {
			throw new MezonSessionException("Session refresh answered no token");
		}
		// Some servers do not rotate: keep the old refresh token when none is returned.
		String refreshToken = answer.getRefreshToken().isEmpty() ? current.getRefreshToken()
				: answer.getRefreshToken();
		// The answer's hosts, when it names them, are the server's current ones (validated here:
		// a bad one fails the refresh with MezonInvalidUrlException rather than a later connect).
		Session refreshed = current.withTokensAndHosts(answer.getToken(), refreshToken, answer.getApiUrl(),
				answer.getWsUrl());
		this.session = refreshed;
		logger.debug("Session refreshed for user {}; expires at {}", refreshed.getUserId(), refreshed.getExpiresAt());
		notifyListeners(refreshed, SessionListener.Change.REFRESHED);
		return refreshed;
	}

	/**
	 * Keeps id token credentials for {@link #reauthenticate()}; a client made by
	 * {@link #authenticate(AuthenticateConfig)} keeps the ones it was authenticated with. The
	 * credentials are never exposed nor printed.
	 * @param config the credentials of this client's user, or {@code null} to forget them
	 */
	public void setReauthentication(@Nullable AuthenticateConfig config) {
		if (config != null) {
			Ids.parse("userId", config.userId());
		}
		this.reauthentication = config;
	}

	/** @return whether {@link #reauthenticate()} has id token credentials to sign in with */
	public boolean canReauthenticate() {
		return this.reauthentication != null;
	}

	/**
	 * Signs in again at the gateway with the id token this client keeps, when the server no longer
	 * accepts the session (its state was reset, the refresh token was revoked, the hosts moved).
	 * The new session, with the hosts from the gateway's answer, replaces the current one and session
	 * listeners are told ({@link SessionListener.Change#AUTHENTICATED}) before this returns.
	 * Concurrent callers share one gateway request. Blocking, bounded by
	 * {@link LightClientOptions#requestTimeout()}.
	 * @return the new session
	 * @throws MezonAuthenticationException if no id token is kept (see {@link #canReauthenticate()}),
	 * the gateway refuses, or it answers a session of another user
	 * @throws MezonInvalidUrlException if the gateway answers an unusable host URL
	 * @throws MezonTimeoutException if the gateway does not answer in time
	 */
	public Session reauthenticate() {
		AuthenticateConfig config = this.reauthentication;
		if (config == null) {
			throw new MezonAuthenticationException("Cannot sign in again: this client keeps no id token", 0, null);
		}
		CompletableFuture<Session> shared;
		boolean owner = false;
		synchronized (this.refreshLock) {
			if (this.reauthenticationInFlight == null) {
				this.reauthenticationInFlight = new CompletableFuture<>();
				owner = true;
			}
			shared = this.reauthenticationInFlight;
		}
		if (owner) {
			try {
				Session session = signIn(config, this.options, this.api);
				if (!session.getUserId().equals(this.session.getUserId())) {
					throw new MezonAuthenticationException("The gateway signed in user " + session.getUserId()
							+ ", not this client's user " + this.session.getUserId(), 0, null);
				}
				replaceSession(session, SessionListener.Change.AUTHENTICATED);
				shared.complete(session);
			}
			catch (RuntimeException ex) {
				shared.completeExceptionally(ex);
			}
			finally {
				synchronized (this.refreshLock) {
					this.reauthenticationInFlight = null;
				}
			}
		}
		return await(shared);
	}

	/**
	 * Replaces the session with one obtained elsewhere, and tells the session listeners: a session
	 * from authenticating again after the refresh token died, or a newer one another instance
	 * stored after its own refresh.
	 * @param newSession the new session, for the same user
	 * @param change why it changed, passed on to the listeners
	 * @throws IllegalArgumentException if the session belongs to another user
	 */
	public void replaceSession(Session newSession, SessionListener.Change change) {
		Objects.requireNonNull(newSession, "newSession");
		Objects.requireNonNull(change, "change");
		if (!newSession.getUserId().equals(this.session.getUserId())) {
			throw new IllegalArgumentException("Cannot replace the session of user " + this.session.getUserId()
					+ " with one of user " + newSession.getUserId());
		}
		this.session = newSession;
		logger.debug("Session replaced ({}) for user {}; expires at {}", change, newSession.getUserId(),
				newSession.getExpiresAt());
		notifyListeners(newSession, change);
	}

	private void notifyListeners(Session session, SessionListener.Change change) {
		for (SessionListener listener : this.sessionListeners) {
			try {
				listener.sessionChanged(session, change);
			}
			catch (RuntimeException ex) {
				logger.warn("Session listener {} failed", listener, ex);
			}
		}
	}

	/**
	 * Creates (or finds) the DM with another user.
	 * @param peerId the other user's id
	 * @return the channel
	 * @throws IllegalArgumentException if the id is not a decimal id
	 * @throws MezonApiException if the server refuses
	 */
	public MezonChannel createDM(String peerId) {
		long peer = Ids.parse("peerId", peerId);
		return createChannel(ChannelType.DM, List.of(peer));
	}

	/**
	 * Creates a group DM with the given users.
	 * @param userIds the members to add (at least one)
	 * @return the channel
	 * @throws IllegalArgumentException if the list is empty or an id is not a decimal id
	 * @throws MezonApiException if the server refuses
	 */
	public MezonChannel createGroupDM(Collection<String> userIds) {
		if (userIds.isEmpty()) {
			throw new IllegalArgumentException("A group DM needs at least one user id");
		}
		return createChannel(ChannelType.GROUP, Ids.parseAll("userIds", userIds));
	}

	private MezonChannel createChannel(ChannelType type, List<Long> userIds) {
		CreateChannelDescRequest request = CreateChannelDescRequest.newBuilder()
			.setClanId(0)
			.setType(type.wireType())
			.setChannelPrivate(1)
			.addAllUserIds(userIds)
			.build();
		Session current = this.session;
		ChannelDescription desc = this.api.createChannelDesc(apiBase(current), current.getToken(), request);
		return new MezonChannel(Ids.format(desc.getChannelId()), type,
				desc.getUserIdsList().stream().map(Ids::format).toList(), desc.getChannelLabel(),
				Ids.format(desc.getCreatorId()));
	}

	/**
	 * Lists every DM and group DM the user is a member of, as Mezon's apps load their
	 * direct-message list ({@code ListChannelDescs}, PROTOCOL.md §2): {@code clan_id=0, state=1,
	 * channel_type=2}, pages of {@value #CHANNEL_PAGE_SIZE} counting from 1 until a page comes back
	 * shorter. Not part of the TypeScript light SDK; the socket uses it to find the channels to
	 * rejoin after a restart, a channel created while it was offline included.
	 *
	 * <p>Empty entries (no {@code channel_id}, as some servers send) and kinds the light client does
	 * not speak are skipped; a channel listed on two pages (one created while paging shifts the
	 * pages) is returned once. A page that brings no channel not seen before ends the listing, so
	 * a server ignoring {@code page} cannot keep it going forever. Blocking: one REST call per page,
	 * each bounded by {@link LightClientOptions#requestTimeout()}.
	 * @return the channels, in the server's order
	 * @throws MezonApiException if the server refuses a page
	 * @throws MezonTimeoutException if a page does not answer in time
	 */
	public List<MezonChannel> listDirectChannels() {
		java.util.Map<String, MezonChannel> channels = new java.util.LinkedHashMap<>();
		for (int page = 1;; page++) {
			ListChannelDescsRequest request = ListChannelDescsRequest.newBuilder()
				.setClanId(0)
				.setState(1)
				.setChannelType(ChannelType.GROUP.wireType())
				.setLimit(CHANNEL_PAGE_SIZE)
				.setPage(page)
				.build();
			Session current = this.session;
			ChannelDescList answer = this.api.listChannelDescs(apiBase(current), current.getToken(), request);
			int before = channels.size();
			for (ChannelDescription desc : answer.getChanneldescList()) {
				MezonChannel channel = toChannel(desc);
				if (channel != null) {
					channels.putIfAbsent(channel.channelId(), channel);
				}
			}
			if (answer.getChanneldescCount() < CHANNEL_PAGE_SIZE) {
				break;
			}
			if (channels.size() == before) {
				logger.debug("ListChannelDescs page {} brought no new channel: stopping there", page);
				break;
			}
		}
		return List.copyOf(channels.values());
	}

	/** The page size of {@link #listDirectChannels()}: the largest the server answers. */
	static final int CHANNEL_PAGE_SIZE = 100;

	private static @Nullable MezonChannel toChannel(ChannelDescription desc) {
		if (desc.getChannelId() <= 0) {
			return null;
		}
		ChannelType type;
		try {
			type = ChannelType.ofWireType(desc.getType());
		}
		catch (IllegalArgumentException ex) {
			logger.debug("Skipping channel {} of type {}: not a DM or group", desc.getChannelId(), desc.getType());
			return null;
		}
		return new MezonChannel(Ids.format(desc.getChannelId()), type,
				desc.getUserIdsList().stream().map(Ids::format).toList(), desc.getChannelLabel(),
				(desc.getCreatorId() > 0) ? Ids.format(desc.getCreatorId()) : "");
	}

	/**
	 * Asks the server for a presigned upload URL (parity with the TypeScript SDK). Most callers
	 * want {@code uploadFile}, which also uploads the bytes.
	 * @param request the file's name, type and size
	 * @return where to {@code PUT} the bytes
	 */
	public PresignedUpload uploadAttachment(UploadRequest request) {
		if (request.size() > Integer.MAX_VALUE) {
			throw new IllegalArgumentException("File too large for one upload: " + request.size() + " bytes");
		}
		UploadAttachmentRequest proto = UploadAttachmentRequest.newBuilder()
			.setFilename(request.filename())
			.setFiletype(request.filetype())
			.setSize((int) request.size())
			.setWidth(request.width())
			.setHeight(request.height())
			.build();
		Session current = this.session;
		UploadAttachment answer = this.api.uploadAttachmentFile(apiBase(current), current.getToken(), proto);
		return new PresignedUpload(answer.getFilename(), answer.getUrl());
	}

	/**
	 * Uploads a file: presigns it, {@code PUT}s its bytes to the presigned URL and returns the
	 * attachment to put in a message. The content type is guessed from the file name. The file is
	 * streamed from disk, never read into memory as a whole, and an image's size is read from its
	 * header only, so memory use does not depend on the file's size.
	 * @param file the file to upload
	 * @return the attachment, with the public URL (no credentials) and, for images, their size
	 * @throws UncheckedIOException if the file cannot be read
	 * @throws IllegalArgumentException if the file is larger than one upload may be (2 GiB)
	 * @throws MezonApiException if the server refuses the presign or the upload
	 * @throws MezonTimeoutException if either step does not answer in time
	 */
	public Attachment uploadFile(Path file) {
		long length;
		try {
			length = Files.size(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + file, ex);
		}
		Path name = file.getFileName();
		String filename = (name != null) ? name.toString() : "file";
		String type = ContentTypes.probe(file);
		ImageSize size = ImageSize.of(file, type);
		PresignedUpload upload = uploadAttachment(new UploadRequest(filename, type, length, size.width(),
				size.height()));
		this.api.putObject(uploadUri(upload), file, type);
		String storedName = upload.filename().isEmpty() ? filename : upload.filename();
		return new Attachment(upload.publicUrl(), storedName, type, length, size.width(), size.height(), null, 0);
	}

	/**
	 * Uploads bytes as a file: presigns it, {@code PUT}s the bytes to the presigned URL and
	 * returns the attachment to put in a message.
	 * @param bytes the content
	 * @param filename the file name shown to users
	 * @param contentType the MIME type, or {@code null} to guess it from the file name
	 * @return the attachment, with the public URL (no credentials) and, for images, their size
	 * @throws MezonApiException if the server refuses the presign or the upload
	 * @throws MezonTimeoutException if either step does not answer in time
	 */
	public Attachment uploadFile(byte[] bytes, String filename, @Nullable String contentType) {
		if (filename == null || filename.isBlank()) {
			throw new IllegalArgumentException("filename must not be blank");
		}
		String type = (contentType != null && !contentType.isBlank()) ? contentType
				: ContentTypes.guess(filename);
		ImageSize size = ImageSize.of(bytes, type);
		PresignedUpload upload = uploadAttachment(
				new UploadRequest(filename, type, bytes.length, size.width(), size.height()));
		this.api.putObject(uploadUri(upload), bytes, type);
		String storedName = upload.filename().isEmpty() ? filename : upload.filename();
		return new Attachment(upload.publicUrl(), storedName, type, bytes.length, size.width(), size.height(), null,
				0);
	}

	private URI uploadUri(PresignedUpload upload) {
		String call = "UploadAttachmentFile";
		URI uri;
		try {
			uri = new URI(upload.url());
		}
		catch (URISyntaxException ex) {
			// Not the URL itself: its query holds the upload credentials.
			throw new MezonApiException(call, 0, "Server answered an invalid upload URL", null);
		}
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
		if (!scheme.equals("https") && !scheme.equals("http")) {
			throw new MezonApiException(call, 0, "Server answered an upload URL with scheme '" + scheme + "'", null);
		}
		if (scheme.equals("http") && !this.options.allowInsecureTransport() && !Endpoints.isLoopback(uri.getHost())) {
			throw new MezonApiException(call, 0, "Refusing to upload in clear text to " + uri.getHost()
					+ ": use https, or allow insecure transport explicitly", null);
		}
		return uri;
	}

	/**
	 * Reads the latest messages of a DM or group DM (at most {@code limit}).
	 * @param channelId the channel
	 * @param limit the maximum number of messages
	 * @return the messages, in the server's order
	 * @throws MezonApiException if the server refuses (e.g. not a member)
	 */
	public List<HistoryMessage> listChannelMessages(String channelId, int limit) {
		return listChannelMessages(channelId, null, HistoryDirection.BEFORE, limit);
	}

	/**
	 * Reads messages of a DM or group DM relative to an anchor message. Not part of the
	 * TypeScript light SDK (the full JS client has it); the history direction values are
	 * undocumented, see {@link HistoryDirection}.
	 * @param channelId the channel
	 * @param anchorMessageId the anchor message, or {@code null} for none (the latest messages)
	 * @param direction which messages relative to the anchor
	 * @param limit the maximum number of messages, positive
	 * @return the messages, in the server's order
	 * @throws IllegalArgumentException if an id is not a decimal id or the limit is not positive
	 * @throws MezonApiException if the server refuses (e.g. not a member)
	 */
	public List<HistoryMessage> listChannelMessages(String channelId, @Nullable String anchorMessageId,
			HistoryDirection direction, int limit) {
		if (limit <= 0) {
			throw new IllegalArgumentException("limit must be positive");
		}
		ListChannelMessagesRequest.Builder request = ListChannelMessagesRequest.newBuilder()
			// DMs and group DMs belong to no clan.
			.setClanId(0)
			.setChannelId(Ids.parse("channelId", channelId))
			.setLimit(limit)
			.setDirection(direction.wireValue());
		if (anchorMessageId != null) {
			request.setMessageId(Ids.parse("anchorMessageId", anchorMessageId));
		}
		return history(request.build()).stream().map(LightClient::historyMessage).toList();
	}

	private static HistoryMessage historyMessage(ai.mezon.light.proto.api.ChannelMessage message) {
		return new HistoryMessage(Ids.format(message.getMessageId()), Ids.format(message.getChannelId()),
				Ids.format(message.getSenderId()), message.getUsername(), message.getContent(), message.getCode(),
				instant(message.getCreateTimeSeconds()), instant(message.getUpdateTimeSeconds()));
	}

	private static @Nullable Instant instant(int unsignedSeconds) {
		// u32 on the wire: read as unsigned so dates after 2038 stay right.
		return (unsignedSeconds != 0) ? Instant.ofEpochSecond(Integer.toUnsignedLong(unsignedSeconds)) : null;
	}

	/** The wire messages of a history call, for the socket's catch-up (full content, attachments...). */
	List<ai.mezon.light.proto.api.ChannelMessage> history(ListChannelMessagesRequest request) {
		Session current = this.session;
		ChannelMessageList answer = this.api.listChannelMessages(apiBase(current), current.getToken(), request);
		return answer.getMessagesList();
	}

	/**
	 * Creates a real-time socket for this client with default options (not connected yet).
	 * @return the socket
	 */
	public LightSocket createSocket() {
		return new LightSocket(this, SocketOptions.defaults());
	}

	/**
	 * Creates a real-time socket for this client (not connected yet).
	 * @param options the socket options
	 * @return the socket
	 */
	public LightSocket createSocket(SocketOptions options) {
		return new LightSocket(this, options);
	}

	/** @return the REST API this client calls (for the socket and extensions in this module) */
	MezonRestApi api() {
		return this.api;
	}

	URI apiBase(Session current) {
		return Endpoints.restBase(current.getApiUrl(), this.options.allowInsecureTransport());
	}

	private static Session await(CompletableFuture<Session> future) {
		try {
			return future.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new MezonSessionException("Interrupted while waiting for the session to change", ex);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new CompletionException(ex.getCause());
		}
	}

	@Override
	public String toString() {
		return "LightClient[session=" + this.session + "]";
	}

}
