package ai.mezon.light.internal.socket;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The repeat filter of one channel ({@code CatchUp.ChannelState}): ids in order, a repeat within
 * the window, an id out of order, the window's end.
 */
class CatchUpChannelStateTests {

	@Test
	void idsInOrderAreNewAndTheLastOneIsTheHighest() {
		CatchUp.ChannelState state = new CatchUp.ChannelState(4);
		for (long id = 10; id <= 20; id++) {
			assertThat(state.firstTime(id)).isTrue();
		}
		assertThat(state.lastDelivered()).isEqualTo(20);
	}

	@Test
	void aRepeatWithinTheWindowIsDropped() {
		CatchUp.ChannelState state = new CatchUp.ChannelState(4);
		state.firstTime(1);
		state.firstTime(2);
		state.firstTime(3);
		assertThat(state.firstTime(2)).isFalse();
		assertThat(state.firstTime(3)).isFalse();
		assertThat(state.lastDelivered()).isEqualTo(3);
	}

	@Test
	void anIdBelowTheHighestThatWasNotSeenIsNewOnce() {
		CatchUp.ChannelState state = new CatchUp.ChannelState(8);
		state.firstTime(10);
		state.firstTime(12);
		// Pushed slightly out of order by a server of several nodes: not a repeat.
		assertThat(state.firstTime(11)).isTrue();
		assertThat(state.firstTime(11)).isFalse();
		assertThat(state.lastDelivered()).isEqualTo(12);
	}

	@Test
	void onlyTheLastWindowOfIdsIsRemembered() {
		CatchUp.ChannelState state = new CatchUp.ChannelState(3);
		state.firstTime(1);
		state.firstTime(2);
		state.firstTime(3);
		state.firstTime(4);
		// 1 fell out of the window of 3: taken as new, as a set of the last 3 ids would.
		assertThat(state.firstTime(1)).isTrue();
		// The ring wrapped: 2 is now the one out of the window, 3 and 4 are still in it.
		assertThat(state.firstTime(3)).isFalse();
		assertThat(state.firstTime(4)).isFalse();
		assertThat(state.firstTime(2)).isTrue();
		assertThat(state.lastDelivered()).isEqualTo(4);
	}

	@Test
	void aLargeWindowGrowsAsIdsComeAndRemembersThemAll() {
		CatchUp.ChannelState state = new CatchUp.ChannelState(1_000);
		for (long id = 1; id <= 1_000; id++) {
			assertThat(state.firstTime(id)).isTrue();
		}
		// Every one of the 1 000 is still remembered across the ring's growth (16, 32, ... 1 000).
		for (long id = 1; id <= 1_000; id++) {
			assertThat(state.firstTime(id)).as("id %d", id).isFalse();
		}
		// The window then moves on: 1 001 pushes out 1.
		assertThat(state.firstTime(1_001)).isTrue();
		assertThat(state.firstTime(1)).isTrue();
		assertThat(state.firstTime(3)).isFalse();
	}

}
