package ai.mezon.light.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;

import ai.mezon.light.LightSocket;
import ai.mezon.light.message.MessageContent;
import ai.mezon.light.message.OutgoingMessage;
import ai.mezon.light.proto.realtime.ChannelMessageSend;
import ai.mezon.light.proto.realtime.Envelope;

/**
 * Scenario 2, outbound: one sender thread keeps {@code inFlight} DM sends outstanding and counts
 * acknowledgements per second. The SDK path is {@code sendDM} with a completion callback; the raw
 * path encodes the same {@code channel_message_send} by hand and counts {@code channel_message_ack}
 * replies on the reading thread. Both send the same content string.
 */
final class Outbound {

	private Outbound() {
	}

	/** @return acks per second and CPU per ack, NaN when the time cap struck first */
	static Run sdk(Fixture fixture, int inFlight, int count, Duration cap) throws Exception {
		LightSocket socket = fixture.socket(Fixture.socketOptions().build());
		try {
			socket.joinDMChannel(fixture.dm.idString()).get(10, TimeUnit.SECONDS);
			// Immutable: one instance for every send, as an application sending a fixed text would.
			OutgoingMessage message = OutgoingMessage.of(fixture.dm.idString(), MessageContent.ofJson(Fixture.CONTENT));
			Semaphore permits = new Semaphore(inFlight);
			Counter counter = new Counter(count);
			long start = System.nanoTime();
			long startCpu = Run.cpuNanos();
			long startSwitches = Run.contextSwitches();
			long deadline = start + cap.toNanos();
			for (int i = 0; i < count; i++) {
				if (!permits.tryAcquire(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
					return Run.CAPPED;
				}
				socket.sendDM(message).whenComplete((ack, ex) -> {
					counter.completed(ex);
					permits.release();
				});
			}
			return counter.await(start, deadline, startCpu, startSwitches);
		}
		finally {
			socket.disconnect();
		}
	}

	/** @return acks per second over all connections and CPU per ack, NaN when the time cap struck first */
	static Run raw(Fixture fixture, int connections, int inFlight, int count, Duration cap) throws Exception {
		Envelope body = Envelope.newBuilder()
			.setChannelMessageSend(ChannelMessageSend.newBuilder()
				.setChannelId(fixture.dm.id())
				.setContent(Fixture.CONTENT)
				.setMode(4))
			.build();
		List<RawClient> clients = new ArrayList<>();
		List<Thread> senders = new ArrayList<>();
		Counter counter = new Counter((long) count * connections);
		try {
			for (int c = 0; c < connections; c++) {
				RawClient raw = fixture.raw();
				clients.add(raw);
				raw.join(List.of(fixture.dm.id()), 3);
			}
			long start = System.nanoTime();
			long startCpu = Run.cpuNanos();
			long startSwitches = Run.contextSwitches();
			long deadline = start + cap.toNanos();
			for (RawClient raw : clients) {
				Semaphore permits = new Semaphore(inFlight);
				raw.listen(new RawClient.Listener() {

					@Override
					public void onReply(int cid, Envelope envelope) {
						counter.completed(envelope.hasChannelMessageAck() ? null
								: new IllegalStateException("not an ack: " + envelope.getMessageCase()));
						permits.release();
					}

				});
				Thread sender = new Thread(() -> {
					try {
						for (int i = 0; i < count; i++) {
							if (!permits.tryAcquire(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
								return;
							}
							raw.send(body, raw.nextCid());
						}
					}
					catch (Exception ex) {
						counter.completed(ex);
					}
				}, "raw-sender");
				senders.add(sender);
			}
			senders.forEach(Thread::start);
			return counter.await(start, deadline, startCpu, startSwitches);
		}
		finally {
			for (Thread sender : senders) {
				sender.join(1000);
			}
			clients.forEach(RawClient::close);
		}
	}

	/** Counts completions; remembers the first failure and when the last one came. */
	static final class Counter {

		private final long expected;

		private final AtomicLong completed = new AtomicLong();

		private final AtomicReference<Throwable> failure = new AtomicReference<>();

		private final CountDownLatch done = new CountDownLatch(1);

		private volatile long doneAt;

		Counter(long expected) {
			this.expected = expected;
		}

		void completed(@Nullable Throwable ex) {
			if (ex != null) {
				this.failure.compareAndSet(null, ex);
			}
			if (this.completed.incrementAndGet() == this.expected) {
				this.doneAt = System.nanoTime();
				this.done.countDown();
			}
		}

		Run await(long start, long deadline, long startCpu, long startSwitches) throws InterruptedException {
			if (!this.done.await(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
				return Run.CAPPED;
			}
			Throwable ex = this.failure.get();
			if (ex != null) {
				throw new IllegalStateException("A send failed", ex);
			}
			return Run.of(this.expected, start, this.doneAt, startCpu, startSwitches);
		}

	}

}
