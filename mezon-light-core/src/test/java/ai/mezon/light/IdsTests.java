package ai.mezon.light;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class IdsTests {

	@Test
	void parsesDecimalSnowflakes() {
		assertThat(Ids.parse("id", "1840651530236071936")).isEqualTo(1840651530236071936L);
		assertThat(Ids.parse("id", " 42 ")).isEqualTo(42L);
		assertThat(Ids.parseAll("ids", List.of("1", "2"))).containsExactly(1L, 2L);
	}

	@Test
	void refusesNonIds() {
		assertThatIllegalArgumentException().isThrownBy(() -> Ids.parse("peerId", "abc"))
			.withMessageContaining("peerId");
		assertThatIllegalArgumentException().isThrownBy(() -> Ids.parse("id", ""));
		assertThatIllegalArgumentException().isThrownBy(() -> Ids.parse("id", "0"));
		assertThatIllegalArgumentException().isThrownBy(() -> Ids.parse("id", "-5"));
		assertThatIllegalArgumentException().isThrownBy(() -> Ids.parse("id", "99999999999999999999"));
		assertThatIllegalArgumentException().isThrownBy(() -> Ids.parse("id", "x".repeat(100)))
			.withMessageContaining("...");
	}

	@Test
	void formatsZeroAsAbsent() {
		assertThat(Ids.format(0)).isEmpty();
		assertThat(Ids.format(1840651530236071936L)).isEqualTo("1840651530236071936");
	}

}
