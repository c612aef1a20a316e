package ai.mezon.light.internal.socket;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicLong;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ai.mezon.light.ConnectOptions;
import ai.mezon.light.MezonFrameTooLargeException;
import ai.mezon.light.MezonServerErrorException;
import ai.mezon.light.MezonSocketException;
import ai.mezon.light.SocketListener;
import ai.mezon.light.message.ChannelMessage;
import ai.mezon.light.message.MessageDeletion;
import ai.mezon.light.message.MessageEdit;
import ai.mezon.light.message.Reaction;
import ai.mezon.light.message.TypingIndicator;
import ai.mezon.light.proto.realtime.Envelope;

/**
 * Where each incoming frame goes, straight from the {@link Link}: a reply to the request waiting
 * for its {@code cid}; a push, decoded ({@link EnvelopeCodec}) and mapped to its typed event
 * ({@link FrameMapper}), to its channel's lane of the dispatcher (through catch-up for new
 * messages); a server error to the error handler; a channel announced for us to the
 * {@link JoinedChannels}; anything malformed or oversized counted and reported.
 *
 * <p>Runs on the link's reading thread, so it only decodes, maps and enqueues: listeners run
 * later on the dispatcher's lanes. It takes no lock and holds no state but the verbose flag and
 * the counts. A message read from a link already closed is left to the next catch-up: the epoch
 * is read before the link's closed flag, so a disconnect's fence either comes first (the link is
 * seen closed) or rejects the delivery (its epoch is over).
 */
final class IncomingRouter implements Link.Receiver {

	private static final Logger logger = LoggerFactory.getLogger(IncomingRouter.class);

	private final EventDispatcher dispatcher;

	private final SocketListeners listeners;

	/** Catch-up of missed messages, or {@code null} when not configured. */
	private final @Nullable CatchUp catchUp;

	private final JoinedChannels channels;

	private final AtomicLong malformedFrames = new AtomicLong();

	private final AtomicLong oversizedFrames = new AtomicLong();

	private volatile boolean verbose;

	IncomingRouter(EventDispatcher dispatcher, SocketListeners listeners, @Nullable CatchUp catchUp,
			JoinedChannels channels) {
		this.dispatcher = dispatcher;
		this.listeners = listeners;
		this.catchUp = catchUp;
		this.channels = channels;
	}

	/** Whether to log every incoming frame's kind (at INFO), as {@code ConnectOptions.verbose} asks. */
	void setVerbose(boolean verbose) {
		this.verbose = verbose;
	}

	/** @return how many malformed frames were ignored so far */
	long malformedFrames() {
		return this.malformedFrames.get();
	}

	/** @return how many frames over the size limit were dropped so far */
	long oversizedFrames() {
		return this.oversizedFrames.get();
	}

	/** Routes one whole binary frame from a link; reading thread. */
	@Override
	public void onFrame(Link source, ByteBuffer payload) {
		EnvelopeCodec.Decoded decoded;
		try {
			decoded = EnvelopeCodec.decode(ByteString.copyFrom(payload));
		}
		catch (InvalidProtocolBufferException ex) {
			onMalformed(source, "an undecodable binary frame");
			return;
		}
		Envelope envelope = decoded.envelope();
		if (this.verbose) {
			logger.info("Socket <- {}{}", envelope.getMessageCase(), decoded.hasCid() ? " cid=" + decoded.cid() : "");
		}
		if (decoded.hasCid()) {
			Request request = source.pending().take(decoded.numericCid());
			if (request != null) {
				request.reply(envelope);
			}
			else {
				logger.debug("Reply for unknown or expired cid {} ignored", decoded.cid());
			}
			return;
		}
		// Every channel event goes to its channel's lane, so edits, deletions, reactions and typing
		// reach listeners in the order the server sent them relative to that channel's messages.
		switch (envelope.getMessageCase()) {
			case CHANNEL_MESSAGE -> onChannelMessage(source, envelope.getChannelMessage());
			// Mezon servers (and the test server) announce edits and deletions as channel_message
			// with code 1 or 2; these dedicated pushes are handled the same way for servers that send
			// them instead. A server sending both forms for one change would be delivered twice.
			case CHANNEL_MESSAGE_UPDATE -> {
				MessageEdit edit = FrameMapper.edit(envelope.getChannelMessageUpdate(), this.listeners::reportError);
				this.dispatcher.dispatchIncoming(envelope.getChannelMessageUpdate().getChannelId(),
						() -> this.listeners.deliver(SocketListener::onMessageEdited, edit));
			}
			case CHANNEL_MESSAGE_REMOVE -> {
				MessageDeletion deletion = FrameMapper.deletion(envelope.getChannelMessageRemove());
				this.dispatcher.dispatchIncoming(envelope.getChannelMessageRemove().getChannelId(),
						() -> this.listeners.deliver(SocketListener::onMessageDeleted, deletion));
			}
			case MESSAGE_REACTION_EVENT -> {
				Reaction reaction = FrameMapper.reaction(envelope.getMessageReactionEvent());
				this.dispatcher.dispatchIncoming(envelope.getMessageReactionEvent().getChannelId(),
						() -> this.listeners.deliver(SocketListener::onReaction, reaction));
			}
			case MESSAGE_TYPING_EVENT -> {
				TypingIndicator typing = FrameMapper.typing(envelope.getMessageTypingEvent());
				this.dispatcher.dispatchIncoming(envelope.getMessageTypingEvent().getChannelId(),
						() -> this.listeners.deliver(SocketListener::onTyping, typing));
			}
			case USER_CHANNEL_ADDED_EVENT -> this.channels.channelAdded(
					FrameMapper.channelAdded(envelope.getUserChannelAddedEvent()));
			case USER_CHANNEL_REMOVED_EVENT -> this.channels.removed(envelope.getUserChannelRemovedEvent().getChannelId(),
					envelope.getUserChannelRemovedEvent().getUserIdsList());
			case ERROR -> this.listeners.reportError(new MezonServerErrorException("Server push",
					envelope.getError().getCode(), envelope.getError().getMessage()));
			case PONG -> {
				// An unsolicited pong: liveness already recorded.
			}
			// Event kinds this client does not handle (presence, clan and voice events of real
			// servers) and field numbers it does not know land here and are skipped.
			default -> logger.debug("Ignored pushed {}", envelope.getMessageCase());
		}
	}

	/** Code 1 is an edit and code 2 a deletion, each for its own listeners; any other is a message. */
	private void onChannelMessage(Link source, ai.mezon.light.proto.api.ChannelMessage proto) {
		long lane = proto.getChannelId();
		switch (proto.getCode()) {
			case 1 -> {
				MessageEdit edit = FrameMapper.edit(proto, this.listeners::reportError);
				this.dispatcher.dispatchIncoming(lane,
						() -> this.listeners.deliver(SocketListener::onMessageEdited, edit));
			}
			case 2 -> {
				MessageDeletion deletion = FrameMapper.deletion(proto);
				this.dispatcher.dispatchIncoming(lane,
						() -> this.listeners.deliver(SocketListener::onMessageDeleted, deletion));
			}
			default -> {
				ChannelMessage message = FrameMapper.message(proto, this.listeners::reportError);
				CatchUp current = this.catchUp;
				if (current == null) {
					this.dispatcher.dispatchIncoming(lane,
							() -> this.listeners.deliver(SocketListener::onChannelMessage, message));
				}
				else {
					// A frame read from a link already lost or closed by disconnect() is left to the next
					// catch-up: delivering it could race a fence, and (with several instances) the
					// instance taking over.
					long epoch = current.epoch();
					if (source.isClosed()) {
						logger.debug("Message {} from a closed link left to the next catch-up", proto.getMessageId());
						return;
					}
					long messageId = proto.getMessageId();
					this.dispatcher.dispatchIncoming(lane, () -> current.deliver(lane, messageId, epoch,
							() -> this.listeners.deliver(SocketListener::onChannelMessage, message)));
				}
			}
		}
	}

	/** Counts and reports a frame that is not a protobuf envelope; the link stays up. */
	@Override
	public void onMalformed(Link source, String what) {
		long count = this.malformedFrames.incrementAndGet();
		this.listeners.reportError(new MezonSocketException("Ignored " + what + " from the server (" + count
				+ " malformed so far); the connection stays up"));
	}

	/**
	 * Reports a frame dropped for its size; the link stays up. With catch-up, the dropped message
	 * (named in the report) is the only one lost: the cursor moves on with the next one.
	 */
	@Override
	public void onOversized(Link source, long size, int limit, String what) {
		long count = this.oversizedFrames.incrementAndGet();
		String text = "Dropped " + what + " from the server: the frame is " + size + " bytes, over the limit of "
				+ limit + " bytes (mezon.socket.max-frame-size / SocketOptions.maxFrameSize); the connection stays up ("
				+ count + " dropped so far)";
		logger.warn(text);
		this.listeners.reportError(new MezonFrameTooLargeException(text, size, limit));
	}

}
