package ai.mezon.light.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import ai.mezon.light.ConnectionState;
import ai.mezon.light.LightSocket;
import ai.mezon.light.SocketListener;
import ai.mezon.light.message.ChannelAddedEvent;
import ai.mezon.light.message.ChannelMessage;
import ai.mezon.light.message.MessageDeletion;
import ai.mezon.light.message.MessageEdit;
import ai.mezon.light.message.Reaction;
import ai.mezon.light.message.TypingIndicator;

/**
 * A {@link SocketListener} that records everything a {@code LightSocket} delivers, for tests of
 * code using the socket directly (Spring applications listen with {@code @EventListener}
 * instead):
 *
 * <pre>{@code
 * RecordingSocketListener events = new RecordingSocketListener();
 * socket.addListener(events);
 * server.sendAs(alice, dm, "hi");
 * assertThat(events.nextMessage().text()).isEqualTo("hi");
 * assertThat(events.errors()).isEmpty();
 * }</pre>
 *
 * The {@code next...} methods take the oldest event not taken yet, waiting up to the listener's
 * wait (10 s by default, reached only when something is broken) and failing with an
 * {@link AssertionError} when none comes. The queues behind them are live: a test may also check
 * that one stayed empty. Thread-safe: the socket calls it on its dispatch threads while the test
 * reads.
 */
public final class RecordingSocketListener implements SocketListener {

	/** How long {@code next...} waits by default. */
	public static final Duration DEFAULT_WAIT = Duration.ofSeconds(10);

	private final Duration wait;

	private final BlockingQueue<ChannelMessage> messages = new LinkedBlockingQueue<>();

	private final BlockingQueue<MessageEdit> edits = new LinkedBlockingQueue<>();

	private final BlockingQueue<MessageDeletion> deletions = new LinkedBlockingQueue<>();

	private final BlockingQueue<Reaction> reactions = new LinkedBlockingQueue<>();

	private final BlockingQueue<TypingIndicator> typing = new LinkedBlockingQueue<>();

	private final BlockingQueue<ChannelAddedEvent> channelsAdded = new LinkedBlockingQueue<>();

	private final List<ConnectionState> states = new CopyOnWriteArrayList<>();

	private final List<Throwable> errors = new CopyOnWriteArrayList<>();

	/** A listener whose {@code next...} methods wait {@link #DEFAULT_WAIT}. */
	public RecordingSocketListener() {
		this(DEFAULT_WAIT);
	}

	/** @param wait how long the {@code next...} methods wait for an event */
	public RecordingSocketListener(Duration wait) {
		this.wait = Objects.requireNonNull(wait, "wait");
	}

	@Override
	public void onChannelMessage(ChannelMessage message) {
		this.messages.add(message);
	}

	@Override
	public void onMessageEdited(MessageEdit edit) {
		this.edits.add(edit);
	}

	@Override
	public void onMessageDeleted(MessageDeletion deletion) {
		this.deletions.add(deletion);
	}

	@Override
	public void onReaction(Reaction reaction) {
		this.reactions.add(reaction);
	}

	@Override
	public void onTyping(TypingIndicator typing) {
		this.typing.add(typing);
	}

	@Override
	public void onChannelAdded(ChannelAddedEvent event) {
		this.channelsAdded.add(event);
	}

	@Override
	public void onConnectionStateChanged(ConnectionState previous, ConnectionState current) {
		this.states.add(current);
	}

	@Override
	public void onError(Throwable error) {
		this.errors.add(error);
	}

	/** @return the oldest message not taken yet, waiting for one */
	public ChannelMessage nextMessage() {
		return next(this.messages, "a message");
	}

	/**
	 * @param count how many
	 * @return the oldest {@code count} messages not taken yet, in delivery order, waiting for each
	 */
	public List<ChannelMessage> nextMessages(int count) {
		List<ChannelMessage> result = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			result.add(nextMessage());
		}
		return result;
	}

	/** @return the oldest edit not taken yet, waiting for one */
	public MessageEdit nextEdit() {
		return next(this.edits, "an edit");
	}

	/** @return the oldest deletion not taken yet, waiting for one */
	public MessageDeletion nextDeletion() {
		return next(this.deletions, "a deletion");
	}

	/** @return the oldest reaction not taken yet, waiting for one */
	public Reaction nextReaction() {
		return next(this.reactions, "a reaction");
	}

	/** @return the oldest typing indicator not taken yet, waiting for one */
	public TypingIndicator nextTyping() {
		return next(this.typing, "a typing indicator");
	}

	/** @return the oldest channel-added event not taken yet, waiting for one */
	public ChannelAddedEvent nextChannelAdded() {
		return next(this.channelsAdded, "a channel-added event");
	}

	/** @return the messages received and not taken yet (live) */
	public BlockingQueue<ChannelMessage> messages() {
		return this.messages;
	}

	/** @return the edits received and not taken yet (live) */
	public BlockingQueue<MessageEdit> edits() {
		return this.edits;
	}

	/** @return the deletions received and not taken yet (live) */
	public BlockingQueue<MessageDeletion> deletions() {
		return this.deletions;
	}

	/** @return the reactions received and not taken yet (live) */
	public BlockingQueue<Reaction> reactions() {
		return this.reactions;
	}

	/** @return the typing indicators received and not taken yet (live) */
	public BlockingQueue<TypingIndicator> typing() {
		return this.typing;
	}

	/** @return the channel-added events received and not taken yet (live) */
	public BlockingQueue<ChannelAddedEvent> channelsAdded() {
		return this.channelsAdded;
	}

	/** @return every connection state entered, oldest first (live) */
	public List<ConnectionState> states() {
		return this.states;
	}

	/** @return every error reported to listeners, oldest first (live) */
	public List<Throwable> errors() {
		return this.errors;
	}

	private <T> T next(BlockingQueue<T> queue, String what) {
		try {
			T event = queue.poll(this.wait.toMillis(), TimeUnit.MILLISECONDS);
			if (event == null) {
				throw new AssertionError("Expected " + what + " within " + this.wait + "; errors so far: " + this.errors);
			}
			return event;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError("Interrupted waiting for " + what, ex);
		}
	}

}
