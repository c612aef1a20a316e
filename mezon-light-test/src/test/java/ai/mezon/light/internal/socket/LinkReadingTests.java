package ai.mezon.light.internal.socket;

import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import ai.mezon.light.internal.net.Endpoints;
import ai.mezon.light.proto.realtime.ChannelJoin;
import ai.mezon.light.proto.realtime.Envelope;
import ai.mezon.light.session.SessionData;
import ai.mezon.light.test.MezonTestServer;
import ai.mezon.light.test.TestChannel;
import ai.mezon.light.test.TestUser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The link's own reading against a real server: while the dispatcher has no room it reads
 * nothing more, and a wake reads on from where it stopped, every frame once and in order.
 */
class LinkReadingTests {

	private final MezonTestServer server = MezonTestServer.builder().build().start();

	private final List<String> texts = new CopyOnWriteArrayList<>();

	private final AtomicBoolean room = new AtomicBoolean(true);

	private final List<Integer> replies = new CopyOnWriteArrayList<>();

	private @Nullable Link link;

	@AfterEach
	void close() {
		if (this.link != null) {
			this.link.close(1000, "done");
		}
		this.server.close();
	}

	@Test
	void readsNothingWhileStalledAndEverythingInOrderAfterAWake() throws Exception {
		TestUser alice = this.server.createUser("alice");
		TestUser bob = this.server.createUser("bob");
		TestChannel dm = this.server.createDm(alice, bob);
		Link bobs = open(bob, (envelope) -> {
			if (envelope.hasChannelMessage()) {
				this.texts.add(envelope.getChannelMessage().getContent());
				if (this.texts.size() == 3) {
					// The dispatcher is full after the third message.
					this.room.set(false);
				}
			}
		});
		join(bobs, dm);

		for (int i = 1; i <= 10; i++) {
			this.server.sendAs(alice, dm, "m" + i);
		}

		await().atMost(Duration.ofSeconds(10)).until(bobs::isStalled);
		await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> this.texts.size() == 3);

		this.room.set(true);
		bobs.wake();

		await().atMost(Duration.ofSeconds(10)).until(() -> this.texts.size() == 10);
		assertThat(this.texts).containsExactly("{\"t\":\"m1\"}", "{\"t\":\"m2\"}", "{\"t\":\"m3\"}", "{\"t\":\"m4\"}",
				"{\"t\":\"m5\"}", "{\"t\":\"m6\"}", "{\"t\":\"m7\"}", "{\"t\":\"m8\"}", "{\"t\":\"m9\"}", "{\"t\":\"m10\"}");
		assertThat(bobs.isClosed()).isFalse();
	}

	@Test
	void aWakeWhileTheDispatcherIsStillFullReadsNothing() throws Exception {
		TestUser alice = this.server.createUser("alice");
		TestUser bob = this.server.createUser("bob");
		TestChannel dm = this.server.createDm(alice, bob);
		Link bobs = open(bob, (envelope) -> {
			if (envelope.hasChannelMessage()) {
				this.texts.add(envelope.getChannelMessage().getContent());
				this.room.set(false);
			}
		});
		join(bobs, dm);
		this.server.sendAs(alice, dm, "one");
		this.server.sendAs(alice, dm, "two");
		await().atMost(Duration.ofSeconds(10)).until(bobs::isStalled);

		// A stale resume: decided when there was room, run after the queue filled again.
		bobs.wake();

		await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> this.texts.size() == 1);
		this.room.set(true);
		bobs.wake();
		await().atMost(Duration.ofSeconds(10)).until(() -> this.texts.size() == 2);
	}

	private Link open(TestUser user, FrameHandler handler) throws Exception {
		SessionData session = this.server.issueSession(user);
		URI uri = Endpoints.socketUri(session.wsUrl(), session.apiUrl(), session.token(), true);
		Link opened = new Link(1, new Link.Receiver() {

			@Override
			public void onFrame(Link source, ByteBuffer frame) {
				try {
					Envelope envelope = Envelope.parseFrom(frame);
					if (envelope.getCid() != 0) {
						LinkReadingTests.this.replies.add(envelope.getCid());
					}
					else {
						handler.handle(envelope);
					}
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
			}

			@Override
			public void onMalformed(Link source, String what) {
			}

			@Override
			public void onOversized(Link source, long size, int limit, String what) {
			}

		}, (source, cause, code, reason) -> {
		}, 1024 * 1024, this.room::get);
		this.link = opened;
		opened.open(uri, Duration.ofSeconds(5)).get(10, TimeUnit.SECONDS);
		opened.startReading();
		return opened;
	}

	private void join(Link target, TestChannel channel) {
		Envelope join = Envelope.newBuilder()
			.setChannelJoin(ChannelJoin.newBuilder().setChannelId(channel.id()).setChannelType(channel.type().wireType()))
			.build();
		target.write(EnvelopeCodec.encode(join, 1, false));
		await().atMost(Duration.ofSeconds(10)).until(() -> this.replies.contains(1));
	}

	@FunctionalInterface
	private interface FrameHandler {

		void handle(Envelope envelope);

	}

}
