package ai.mezon.light.internal.socket;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pause taken when the queue fills must not outlive the queue: when handlers drain it before
 * the pause is recorded, reading resumes.
 */
class EventDispatcherFlowControlTests {

	@Test
	void pauseTakenAfterHandlersDrainedTheQueueIsUndone() {
		List<String> calls = new CopyOnWriteArrayList<>();
		// Holds the workers until the fourth, then runs them all in the reading thread: the
		// handlers drain the whole queue between the event that fills it and the pause.
		List<Runnable> held = new ArrayList<>();
		Executor executor = (task) -> {
			held.add(task);
			if (held.size() == 4) {
				List<Runnable> all = List.copyOf(held);
				held.clear();
				all.forEach(Runnable::run);
			}
		};
		// One worker per lane (the limit is 4), so the fourth event submits the fourth worker.
		EventDispatcher dispatcher = new EventDispatcher(executor, 4, (ex) -> {
		}, 4, (task, delay) -> {
		});
		dispatcher.setFlowControl(new EventDispatcher.FlowControl() {

			@Override
			public void pauseReading() {
				calls.add("pause");
			}

			@Override
			public void resumeReading() {
				calls.add("resume");
			}

		});
		for (long lane = 1; lane <= 4; lane++) {
			dispatcher.dispatchIncoming(lane, () -> {
			});
		}
		assertThat(dispatcher.queued()).isZero();
		assertThat(dispatcher.isPaused()).isFalse();
		assertThat(calls).containsExactly("pause", "resume");
	}

}
