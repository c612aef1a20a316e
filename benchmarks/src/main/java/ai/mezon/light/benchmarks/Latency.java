package ai.mezon.light.benchmarks;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

import ai.mezon.light.LightSocket;
import ai.mezon.light.message.MessageContent;
import ai.mezon.light.message.OutgoingMessage;
import ai.mezon.light.proto.realtime.ChannelMessageSend;
import ai.mezon.light.proto.realtime.Envelope;

/**
 * Scenario 3, latency: DM sends at a fixed rate, open loop (the next send never waits for an
 * ack), each timed from the call to the completion of its ack. Sends are asynchronous, so a slow
 * ack cannot delay later sends and hide itself (no coordinated omission). Percentiles are exact,
 * from a sorted array of nanos.
 */
final class Latency {

	private Latency() {
	}

	/** Percentiles of one run, in microseconds. */
	record Result(double p50, double p99, double p999, double max) {
	}

	static Result sdk(Fixture fixture, int ratePerSecond, int count) throws Exception {
		LightSocket socket = fixture.socket(Fixture.socketOptions().build());
		try {
			socket.joinDMChannel(fixture.dm.idString()).get(10, TimeUnit.SECONDS);
			OutgoingMessage message = OutgoingMessage.of(fixture.dm.idString(), MessageContent.ofJson(Fixture.CONTENT));
			long[] nanos = new long[count];
			CountDownLatch done = new CountDownLatch(count);
			AtomicReference<Throwable> failure = new AtomicReference<>();
			pace(ratePerSecond, count, (i) -> {
				long sent = System.nanoTime();
				socket.sendDM(message).whenComplete((ack, ex) -> {
					nanos[i] = System.nanoTime() - sent;
					if (ex != null) {
						failure.compareAndSet(null, ex);
					}
					done.countDown();
				});
			});
			return result(nanos, done, failure);
		}
		finally {
			socket.disconnect();
		}
	}

	/**
	 * What the send throttle does to a burst over its rate.
	 * @param sent sends made
	 * @param acked sends acknowledged (the rest failed: none should)
	 * @param mostWaiting the most sends seen waiting for the throttle at once
	 * @param latency call-to-ack percentiles, queueing included
	 * @param seconds from the first send to the last ack
	 */
	record Throttled(int sent, int acked, int mostWaiting, Result latency, double seconds) {
	}

	/**
	 * Sends at a rate over the send throttle's (on, at {@code sendRate} a second), open loop.
	 */
	static Throttled sdkThrottled(Fixture fixture, int ratePerSecond, int count, double sendRate) throws Exception {
		LightSocket socket = fixture.socket(Fixture.socketOptions().sendRate(sendRate)
			.requestTimeout(java.time.Duration.ofSeconds(60))
			.build());
		try {
			socket.joinDMChannel(fixture.dm.idString()).get(10, TimeUnit.SECONDS);
			OutgoingMessage message = OutgoingMessage.of(fixture.dm.idString(), MessageContent.ofJson(Fixture.CONTENT));
			long[] nanos = new long[count];
			CountDownLatch done = new CountDownLatch(count);
			java.util.concurrent.atomic.AtomicInteger acked = new java.util.concurrent.atomic.AtomicInteger();
			java.util.concurrent.atomic.AtomicInteger mostWaiting = new java.util.concurrent.atomic.AtomicInteger();
			AtomicReference<Throwable> failure = new AtomicReference<>();
			long start = System.nanoTime();
			long[] lastAck = new long[1];
			pace(ratePerSecond, count, (i) -> {
				long sent = System.nanoTime();
				socket.sendDM(message).whenComplete((ack, ex) -> {
					nanos[i] = System.nanoTime() - sent;
					if (ex != null) {
						failure.compareAndSet(null, ex);
					}
					else {
						acked.incrementAndGet();
					}
					lastAck[0] = System.nanoTime();
					done.countDown();
				});
				mostWaiting.accumulateAndGet(socket.getMetrics().throttledSends(), Math::max);
			});
			if (!done.await(120, TimeUnit.SECONDS)) {
				throw new IllegalStateException("Not every throttled send completed");
			}
			Result latency = result(nanos, done, new AtomicReference<>());
			return new Throttled(count, acked.get(), mostWaiting.get(), latency, (lastAck[0] - start) / 1e9);
		}
		finally {
			socket.disconnect();
		}
	}

	static Result raw(Fixture fixture, int ratePerSecond, int count) throws Exception {
		Envelope body = Envelope.newBuilder()
			.setChannelMessageSend(ChannelMessageSend.newBuilder()
				.setChannelId(fixture.dm.id())
				.setContent(Fixture.CONTENT)
				.setMode(4))
			.build();
		try (RawClient raw = fixture.raw()) {
			raw.join(List.of(fixture.dm.id()), 3);
			long[] sentAt = new long[count];
			long[] nanos = new long[count];
			CountDownLatch done = new CountDownLatch(count);
			AtomicReference<Throwable> failure = new AtomicReference<>();
			int firstCid = raw.nextCid() + 1;
			raw.listen(new RawClient.Listener() {

				@Override
				public void onReply(int cid, Envelope envelope) {
					int i = cid - firstCid;
					nanos[i] = System.nanoTime() - sentAt[i];
					if (!envelope.hasChannelMessageAck()) {
						failure.compareAndSet(null, new IllegalStateException("not an ack"));
					}
					done.countDown();
				}

			});
			pace(ratePerSecond, count, (i) -> {
				int cid = raw.nextCid();
				sentAt[cid - firstCid] = System.nanoTime();
				raw.send(body, cid);
			});
			return result(nanos, done, failure);
		}
	}

	private interface Send {

		void send(int index) throws Exception;

	}

	private static void pace(int ratePerSecond, int count, Send send) throws Exception {
		long period = 1_000_000_000L / ratePerSecond;
		long start = System.nanoTime();
		for (int i = 0; i < count; i++) {
			long due = start + i * period;
			long wait;
			while ((wait = due - System.nanoTime()) > 0) {
				LockSupport.parkNanos(wait);
			}
			send.send(i);
		}
	}

	private static Result result(long[] nanos, CountDownLatch done, AtomicReference<Throwable> failure)
			throws InterruptedException {
		if (!done.await(30, TimeUnit.SECONDS)) {
			throw new IllegalStateException("Acks missing after 30 s");
		}
		if (failure.get() != null) {
			throw new IllegalStateException("A send failed", failure.get());
		}
		long[] sorted = nanos.clone();
		Arrays.sort(sorted);
		return new Result(Series.percentile(sorted, 50) / 1e3, Series.percentile(sorted, 99) / 1e3,
				Series.percentile(sorted, 99.9) / 1e3, sorted[sorted.length - 1] / 1e3);
	}

}
