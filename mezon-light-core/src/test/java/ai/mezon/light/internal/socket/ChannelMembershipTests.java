package ai.mezon.light.internal.socket;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import ai.mezon.light.MezonApiException;
import ai.mezon.light.message.ChannelType;
import ai.mezon.light.message.MezonChannel;
import ai.mezon.light.session.InMemorySessionStore;
import ai.mezon.light.session.JoinedChannelStore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link ChannelMembership}: what is recorded, what is planned for a rejoin, and that a
 * failing store or listing never stops a connection.
 */
@ExtendWith(OutputCaptureExtension.class)
class ChannelMembershipTests {

	private final InMemorySessionStore store = new InMemorySessionStore();

	private final List<MezonChannel> listed = new ArrayList<>();

	private int listings;

	private List<MezonChannel> list() {
		this.listings++;
		return this.listed;
	}

	private static MezonChannel channel(long id, ChannelType type) {
		return new MezonChannel(Long.toString(id), type, List.of("7"), "", "7");
	}

	@Test
	void joinsAndLeavesAreRecordedInTheStoreUnderTheScope() {
		ChannelMembership membership = new ChannelMembership(this.store, "bot", null);
		membership.joined(10, ChannelType.DM);
		membership.joined(11, ChannelType.GROUP);
		membership.left(10);
		assertThat(this.store.joinedChannels("bot")).containsExactly(Map.entry(11L, ChannelType.GROUP));
		assertThat(this.store.joinedChannels("other")).isEmpty();
		assertThat(membership.joinedHere()).containsExactly(Map.entry(11L, ChannelType.GROUP));
		assertThatIllegalArgumentException().isThrownBy(() -> membership.joined(0, ChannelType.DM));
	}

	@Test
	void afterARestartTheStoredChannelsAreRejoined() {
		new ChannelMembership(this.store, "bot", null).joined(10, ChannelType.DM);
		// A new process: nothing joined here yet.
		ChannelMembership restarted = new ChannelMembership(this.store, "bot", null);
		ChannelMembership.Plan plan = restarted.toRejoin();
		assertThat(plan.channels()).containsExactly(Map.entry(10L, ChannelType.DM));
		assertThat(plan.complete()).isTrue();
	}

	@Test
	void theRejoinIsTheUnionOfJoinedHereStoredAndListedEachOnceWithTheServersType() {
		this.store.channelJoined("bot", 20, ChannelType.DM);
		this.store.channelJoined("bot", 21, ChannelType.DM);
		ChannelMembership membership = new ChannelMembership(this.store, "bot", this::list);
		membership.joined(30, ChannelType.GROUP);
		this.listed.add(channel(21, ChannelType.GROUP));
		this.listed.add(channel(40, ChannelType.DM));
		this.listed.add(channel(30, ChannelType.GROUP));
		ChannelMembership.Plan plan = membership.toRejoin();
		assertThat(plan.channels()).containsExactly(Map.entry(30L, ChannelType.GROUP), Map.entry(20L, ChannelType.DM),
				Map.entry(21L, ChannelType.GROUP), Map.entry(40L, ChannelType.DM));
		assertThat(this.listings).isEqualTo(1);
		assertThat(plan.complete()).isTrue();
	}

	@Test
	void aChannelCreatedWhileOfflineIsFoundByTheListing() {
		ChannelMembership membership = new ChannelMembership(this.store, "bot", this::list);
		assertThat(membership.toRejoin().channels()).isEmpty();
		this.listed.add(channel(50, ChannelType.DM));
		assertThat(membership.toRejoin().channels()).containsExactly(Map.entry(50L, ChannelType.DM));
	}

	@Test
	void aFailingListingFallsBackToTheStoredChannels(CapturedOutput output) {
		this.store.channelJoined("bot", 20, ChannelType.DM);
		ChannelMembership membership = new ChannelMembership(this.store, "bot", () -> {
			throw new MezonApiException("ListChannelDescs", 503, "ListChannelDescs failed: HTTP 503", null);
		});
		ChannelMembership.Plan plan = membership.toRejoin();
		assertThat(plan.channels()).containsExactly(Map.entry(20L, ChannelType.DM));
		assertThat(plan.complete()).isFalse();
		assertThat(plan.problems()).containsExactly("channel list unavailable (MezonApiException)");
		assertThat(output.getOut()).contains("WARN").contains("503");
	}

	@Test
	void aFailingStoreFallsBackToTheListingAndWhatWasJoinedHere(CapturedOutput output) {
		ChannelMembership membership = new ChannelMembership(new BrokenStore(), "bot", this::list);
		membership.joined(30, ChannelType.GROUP);
		this.listed.add(channel(40, ChannelType.DM));
		ChannelMembership.Plan plan = membership.toRejoin();
		assertThat(plan.channels()).containsExactly(Map.entry(30L, ChannelType.GROUP), Map.entry(40L, ChannelType.DM));
		assertThat(plan.problems()).containsExactly("stored channels unavailable (IllegalStateException)");
		assertThat(output.getOut()).contains("Could not record the joined channel 30 in BrokenStore")
			.contains("Could not read the joined channels of scope 'bot' from BrokenStore");
		membership.left(30);
		assertThat(membership.joinedHere()).isEmpty();
	}

	@Test
	void withoutAStoreChannelsJoinedHereAreStillRejoinedAfterAReconnect() {
		ChannelMembership membership = new ChannelMembership(null, "bot", null);
		membership.joined(30, ChannelType.GROUP);
		assertThat(membership.toRejoin().channels()).containsExactly(Map.entry(30L, ChannelType.GROUP));
	}

	@Test
	void aWriteThatFailedOnceIsMadeAgainByTheNextJoin() {
		FlakyStore flaky = new FlakyStore();
		ChannelMembership membership = new ChannelMembership(flaky, "bot", null);
		flaky.failing = true;
		membership.joined(30, ChannelType.GROUP);
		flaky.failing = false;
		membership.joined(30, ChannelType.GROUP);
		assertThat(flaky.joinedChannels("bot")).containsExactly(Map.entry(30L, ChannelType.GROUP));
	}

	private static final class BrokenStore implements JoinedChannelStore {

		@Override
		public Map<Long, ChannelType> joinedChannels(String scope) {
			throw new IllegalStateException("down");
		}

		@Override
		public void channelJoined(String scope, long channelId, ChannelType type) {
			throw new IllegalStateException("down");
		}

		@Override
		public void channelLeft(String scope, long channelId) {
			throw new IllegalStateException("down");
		}

		@Override
		public String toString() {
			return "BrokenStore";
		}

	}

	private static final class FlakyStore implements JoinedChannelStore {

		private final InMemorySessionStore delegate = new InMemorySessionStore();

		volatile boolean failing;

		@Override
		public Map<Long, ChannelType> joinedChannels(String scope) {
			return this.delegate.joinedChannels(scope);
		}

		@Override
		public void channelJoined(String scope, long channelId, ChannelType type) {
			if (this.failing) {
				throw new IllegalStateException("flaky");
			}
			this.delegate.channelJoined(scope, channelId, type);
		}

		@Override
		public void channelLeft(String scope, long channelId) {
			this.delegate.channelLeft(scope, channelId);
		}

	}

}
