package ai.mezon.light.internal.socket;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicLong;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ai.mezon.light.ChannelAddedEvent;
import ai.mezon.light.ChannelMessage;
import ai.mezon.light.MessageDeletion;
import ai.mezon.light.MessageEdit;
import ai.mezon.light.MezonServerErrorException;
import ai.mezon.light.MezonSocketException;
import ai.mezon.light.Reaction;
import ai.mezon.light.SocketListener;
import ai.mezon.light.TypingIndicator;
import ai.mezon.light.proto.realtime.Envelope;

/**
 * Where each incoming frame goes: a reply to the request waiting for its {@code cid}; a push,
 * mapped to its typed event, to its channel's lane of the dispatcher (through catch-up for new
 * messages); a server error to the error handler; anything malformed counted and reported.
 *
 * <p>Runs on the link's reading thread, so it only decodes, maps and enqueues: listeners run
 * later on the dispatcher's lanes. It holds no lock and no state but the verbose flag and the
 * malformed count; the one check that needs the supervisor's lock (is the link still current, at
 * which catch-up epoch) is the owner's.
 */
final class IncomingRouter {

	/** What {@link Owner#catchUpEpoch} answers for a link that is no longer the current one. */
	static final long STALE = -1;

	// The supervisor's category, as before this code moved here: logging configurations name it.
	private static final Logger logger = LoggerFactory.getLogger(SocketSupervisor.class);

	private final EventDispatcher dispatcher;

	private final SocketListeners listeners;

	/** Catch-up of missed messages, or {@code null} when not configured. */
	private final @Nullable CatchUp catchUp;

	private final Owner owner;

	private final AtomicLong malformedFrames = new AtomicLong();

	private volatile boolean verbose;

	IncomingRouter(EventDispatcher dispatcher, SocketListeners listeners, @Nullable CatchUp catchUp, Owner owner) {
		this.dispatcher = dispatcher;
		this.listeners = listeners;
		this.catchUp = catchUp;
		this.owner = owner;
	}

	/** Whether to log every incoming frame's kind (at INFO), as {@code ConnectOptions.verbose} asks. */
	void setVerbose(boolean verbose) {
		this.verbose = verbose;
	}

	/** @return how many malformed frames were ignored so far */
	long malformedFrames() {
		return this.malformedFrames.get();
	}

	/** Routes one whole binary frame from a link; reading thread. */
	void onFrame(Link source, ByteBuffer payload) {
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
			Request request = source.take(decoded.numericCid());
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
			case USER_CHANNEL_ADDED_EVENT -> this.owner.channelAdded(
					FrameMapper.channelAdded(envelope.getUserChannelAddedEvent()));
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
					long epoch = this.owner.catchUpEpoch(source, current);
					if (epoch == STALE) {
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
	void onMalformed(Link source, String what) {
		long count = this.malformedFrames.incrementAndGet();
		this.listeners.reportError(new MezonSocketException("Ignored " + what + " from the server (" + count
				+ " malformed so far); the connection stays up"));
	}

	/** What the router needs of the supervisor. */
	interface Owner {

		/**
		 * Reads the catch-up epoch for a message read from a link, under the supervisor's lock
		 * together with its current link.
		 * @return the epoch, or {@link #STALE} when the link is no longer the current one
		 */
		long catchUpEpoch(Link source, CatchUp catchUp);

		/** A channel was created or someone was added to one: auto-join if it is for us, then tell. */
		void channelAdded(ChannelAddedEvent event);

	}

}
