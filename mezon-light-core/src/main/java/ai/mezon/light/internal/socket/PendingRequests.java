package ai.mezon.light.internal.socket;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;

/**
 * The requests sent on one link and not answered yet, by {@code cid} (1, 2, 3... per connection,
 * PROTOCOL.md §4). Thread-safe: requests are added by senders, taken by the reading thread, and
 * forgotten by the timer when they expire.
 */
final class PendingRequests {

	private final AtomicInteger nextCid = new AtomicInteger();

	private final Map<Integer, Request> byCid = new ConcurrentHashMap<>();

	private volatile boolean closed;

	/**
	 * Registers a request under the next {@code cid}.
	 * @return the cid, or 0 when the link is closed (the request was not registered)
	 */
	int register(Request request) {
		int cid = this.nextCid.incrementAndGet();
		request.cid = cid;
		request.pending = this;
		this.byCid.put(cid, request);
		if (this.closed) {
			// Closed meanwhile: closeAll() may have run before the put.
			this.byCid.remove(cid, request);
			return 0;
		}
		return cid;
	}

	/** @return the request waiting for this {@code cid}, removed */
	@Nullable Request take(int cid) {
		return (cid > 0) ? this.byCid.remove(cid) : null;
	}

	void forget(Request request) {
		this.byCid.remove(request.cid, request);
	}

	/** @return how many requests wait for their answer */
	int size() {
		return this.byCid.size();
	}

	/** Takes no more requests and hands back every waiting one (to be failed). */
	List<Request> closeAll() {
		this.closed = true;
		List<Request> all = new ArrayList<>(this.byCid.values());
		all.forEach((request) -> this.byCid.remove(request.cid, request));
		return all;
	}

}
