package ai.mezon.light.internal.socket;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import org.jspecify.annotations.Nullable;

import ai.mezon.light.MezonServerErrorException;
import ai.mezon.light.MezonTimeoutException;
import ai.mezon.light.proto.realtime.Envelope;

/**
 * One request awaiting its reply: the envelope to send, its deadline, and, once written, the link
 * and {@code cid} it went out with. Completed exactly once, by the reply, the deadline, or the
 * loss of its link.
 */
final class Request {

	final Envelope body;

	final String operation;

	final Duration timeout;

	final CompletableFuture<Envelope> result = new CompletableFuture<>();

	/** The track holding its running deadline, {@code null} once stopped or expired. */
	volatile Deadlines.@Nullable Track track;

	/** Guarded by the track's monitor: its deadline and neighbours in the track. */
	long dueAt;

	@Nullable Request previous;

	@Nullable Request next;

	/** Where it waits for its answer once sent. */
	volatile @Nullable PendingRequests pending;

	volatile int cid;

	/** @return a new request whose deadline is running */
	static Request start(Envelope body, String operation, Duration timeout, Deadlines deadlines) {
		Request request = new Request(body, operation, timeout);
		deadlines.start(request);
		return request;
	}

	Request(Envelope body, String operation, Duration timeout) {
		this.body = body;
		this.operation = operation;
		this.timeout = timeout;
	}

	boolean isDone() {
		return this.result.isDone();
	}

	void reply(Envelope envelope) {
		cancelDeadline();
		if (envelope.hasError()) {
			this.result.completeExceptionally(new MezonServerErrorException(this.operation,
					envelope.getError().getCode(), envelope.getError().getMessage()));
		}
		else {
			this.result.complete(envelope);
		}
	}

	boolean fail(Throwable ex) {
		cancelDeadline();
		return this.result.completeExceptionally(ex);
	}

	/** @return whether this call timed the request out (it was still pending) */
	boolean expire() {
		boolean expired = this.result.completeExceptionally(new MezonTimeoutException(this.operation, this.timeout, null));
		PendingRequests sentOn = this.pending;
		if (expired && sentOn != null) {
			sentOn.forget(this);
		}
		return expired;
	}

	private void cancelDeadline() {
		Deadlines.Track running = this.track;
		if (running != null) {
			running.remove(this);
		}
	}

}
