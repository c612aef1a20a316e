package ai.mezon.light.internal.socket;

import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which failed reconnect attempts warn: the first ones of an outage, then one in 64. */
class OutageLogTests {

	@Test
	void warnsOnPowersOfTwoUpTo64ThenEvery64th() {
		assertThat(IntStream.rangeClosed(1, 300).filter(OutageLog::warns).boxed())
			.containsExactly(1, 2, 4, 8, 16, 32, 64, 128, 192, 256);
	}

	@Test
	void anHourOfOutageAtTheDefaultBackoffWarnsAFewDozenTimes() {
		// At most 5 s between attempts with full jitter: about 1 440 attempts an hour.
		assertThat(IntStream.rangeClosed(1, 1_440).filter(OutageLog::warns).count()).isEqualTo(28);
	}

	@Test
	void countsAnOutageAndStartsAgainWhenRecovered() {
		OutageLog log = new OutageLog();
		assertThat(log.failed("refused")).isOne();
		assertThat(log.failed("refused")).isEqualTo(2);
		assertThat(log.recovered()).isEqualTo(2);
		assertThat(log.failed("refused")).isOne();
		assertThat(new OutageLog().recovered()).isZero();
	}

}
