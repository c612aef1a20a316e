package ai.mezon.light;

import java.util.Objects;

import ai.mezon.light.message.HistoryDirection;
import ai.mezon.light.session.DeliveryCursorStore;

/**
 * How a {@link LightSocket} catches up with messages it missed (see
 * {@link SocketOptions.Builder#catchUp(CatchUpOptions)}).
 *
 * <p>Every time a channel is joined or rejoined after a reconnect, the socket reads the messages
 * that came after the channel's cursor in {@link #cursorStore()} with {@code ListChannelMessages}
 * (direction {@link HistoryDirection#AFTER}, {@link #pageSize()} at a time, at most
 * {@link #maxMessages()}) and delivers them, oldest first, before any message pushed on the new
 * connection: the channel's lane is held from the join request until the missed messages are
 * queued, so pushes wait behind them. A message is delivered once: ids at or below the last one
 * delivered, and the last {@link #dedupeWindow()} ids, are dropped, so a pushed message that was
 * also read from the history is not delivered twice. Each delivered message then advances the
 * channel's cursor (after the handlers ran: a crash in between delivers it again on the next
 * start, never loses it).
 *
 * <p>The first time a channel is joined without a cursor, the cursor starts at the channel's
 * latest message: history before the first join is not replayed.
 *
 * @param cursorStore where the last delivered id per channel is kept
 * @param scope whose cursors, e.g. the session key or user id
 * @param maxMessages the most messages read per channel on one catch-up, at least 1
 * @param pageSize messages asked for per {@code ListChannelMessages} call, at least 1
 * @param dedupeWindow how many recent message ids per channel are remembered to drop duplicates,
 * at least 1
 */
public record CatchUpOptions(DeliveryCursorStore cursorStore, String scope, int maxMessages, int pageSize,
		int dedupeWindow) {

	/** The default of {@link #maxMessages()}. */
	public static final int DEFAULT_MAX_MESSAGES = 1000;

	/** The default of {@link #pageSize()}. */
	public static final int DEFAULT_PAGE_SIZE = 100;

	/** The default of {@link #dedupeWindow()}. */
	public static final int DEFAULT_DEDUPE_WINDOW = 1024;

	public CatchUpOptions {
		Objects.requireNonNull(cursorStore, "cursorStore");
		Objects.requireNonNull(scope, "scope");
		if (scope.isBlank()) {
			throw new IllegalArgumentException("scope must not be blank");
		}
		if (maxMessages < 1 || pageSize < 1 || dedupeWindow < 1) {
			throw new IllegalArgumentException("maxMessages, pageSize and dedupeWindow must be at least 1");
		}
	}

	/**
	 * Catch-up with the default limits.
	 * @param cursorStore where the cursors are kept
	 * @param scope whose cursors
	 * @return the options
	 */
	public static CatchUpOptions of(DeliveryCursorStore cursorStore, String scope) {
		return new CatchUpOptions(cursorStore, scope, DEFAULT_MAX_MESSAGES, DEFAULT_PAGE_SIZE, DEFAULT_DEDUPE_WINDOW);
	}

	@Override
	public String toString() {
		return "CatchUpOptions[store=" + this.cursorStore + ", scope=" + this.scope + ", maxMessages=" + this.maxMessages
				+ ", pageSize=" + this.pageSize + ", dedupeWindow=" + this.dedupeWindow + "]";
	}

}
