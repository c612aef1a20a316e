package ai.mezon.light.internal.jwt;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import ai.mezon.light.MezonSessionException;
import ai.mezon.light.TestJwts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class JwtClaimsTests {

	@Test
	void readsExpiryIdentityAndVars() {
		String token = TestJwts.jwt(
				"{\"uid\":1840651530236071936,\"usn\":\"alice\",\"vrs\":{\"lang\":\"en\",\"n\":3},\"exp\":1700000000}");
		JwtClaims claims = JwtClaims.parse(token, "token");
		assertThat(claims.expiresAt()).isEqualTo(Instant.ofEpochSecond(1700000000));
		// All 19 digits kept: no detour through a double.
		assertThat(claims.userId()).isEqualTo("1840651530236071936");
		assertThat(claims.username()).isEqualTo("alice");
		assertThat(claims.vars()).containsExactlyInAnyOrderEntriesOf(Map.of("lang", "en", "n", "3"));
	}

	@Test
	void varsThatAreNotStringsKeepTheirJsonAndNullIsEmpty() {
		String token = TestJwts.jwt("{\"exp\":1,\"uid\":null,\"vrs\":{\"o\":{\"a\":[1,\"x\"]},\"b\":true,\"z\":null}}");
		JwtClaims claims = JwtClaims.parse(token, "token");
		assertThat(claims.userId()).isNull();
		assertThat(claims.vars()).containsExactlyInAnyOrderEntriesOf(Map.of("o", "{\"a\":[1,\"x\"]}", "b", "true", "z", ""));
	}

	@Test
	void refusesTrailingContentAfterThePayload() {
		assertThatExceptionOfType(MezonSessionException.class)
			.isThrownBy(() -> JwtClaims.parse(TestJwts.jwt("{\"exp\":1} x"), "token"))
			.withMessageContaining("not base64url-encoded JSON");
	}

	@Test
	void optionalClaimsMayBeAbsent() {
		JwtClaims claims = JwtClaims.parse(TestJwts.jwt("{\"exp\":5}"), "token");
		assertThat(claims.userId()).isNull();
		assertThat(claims.username()).isNull();
		assertThat(claims.vars()).isEmpty();
	}

	@Test
	void decodesPaddedAndUnpaddedBase64Url() {
		// 2 bytes of padding with this length: the unpadded and padded forms differ.
		String json = "{\"exp\":1700000000,\"usn\":\"ab\"}";
		String payload = Base64.getUrlEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
		assertThat(payload).endsWith("=");
		String padded = "h." + payload + ".s";
		String unpadded = "h." + payload.replace("=", "") + ".s";
		assertThat(JwtClaims.parse(padded, "token").username()).isEqualTo("ab");
		assertThat(JwtClaims.parse(unpadded, "token").username()).isEqualTo("ab");
	}

	@Test
	void decodesNonAsciiUsernameAsUtf8() {
		String token = TestJwts.jwt("{\"exp\":1700000000,\"usn\":\"Nguyễn Văn A\"}");
		assertThat(JwtClaims.parse(token, "token").username()).isEqualTo("Nguyễn Văn A");
	}

	@Test
	void refusesTwoParts() {
		assertThatExceptionOfType(MezonSessionException.class).isThrownBy(() -> JwtClaims.parse("abc.def", "token"))
			.withMessageContaining("3 dot-separated parts")
			.withMessageNotContaining("abc.def");
	}

	@Test
	void refusesNonJsonPayload() {
		String token = "h." + Base64.getUrlEncoder().withoutPadding().encodeToString("not json".getBytes()) + ".s";
		assertThatExceptionOfType(MezonSessionException.class).isThrownBy(() -> JwtClaims.parse(token, "token"))
			.withMessageContaining("not base64url-encoded JSON");
	}

	@Test
	void refusesInvalidBase64() {
		assertThatExceptionOfType(MezonSessionException.class).isThrownBy(() -> JwtClaims.parse("h.%%%.s", "token"));
	}

	@Test
	void refusesMissingOrNonNumericExp() {
		assertThatExceptionOfType(MezonSessionException.class)
			.isThrownBy(() -> JwtClaims.parse(TestJwts.jwt("{\"uid\":1}"), "refresh token"))
			.withMessage("Invalid refresh token: missing numeric exp claim");
		assertThatExceptionOfType(MezonSessionException.class)
			.isThrownBy(() -> JwtClaims.parse(TestJwts.jwt("{\"exp\":\"soon\"}"), "token"));
	}

	@Test
	void refusesNonObjectPayload() {
		assertThatExceptionOfType(MezonSessionException.class)
			.isThrownBy(() -> JwtClaims.parse(TestJwts.jwt("[1,2]"), "token"))
			.withMessageContaining("not a JSON object");
	}

	@ParameterizedTest
	@ValueSource(strings = { "1e18", "-1", "253402300800", "9223372036854775808", "1e999999999", "-1e999999999" })
	void refusesAnExpiryOutOfRange(String exp) {
		assertThatExceptionOfType(MezonSessionException.class)
			.isThrownBy(() -> JwtClaims.parse(TestJwts.jwt("{\"exp\":" + exp + "}"), "refresh token"))
			.withMessage("Invalid refresh token: exp claim out of range (0 to 253402300799 seconds since the epoch)");
	}

	@ParameterizedTest
	@ValueSource(strings = { "1.5", "1700000000.25", "1e-3" })
	void refusesAnExpiryThatIsNotWholeSeconds(String exp) {
		assertThatExceptionOfType(MezonSessionException.class)
			.isThrownBy(() -> JwtClaims.parse(TestJwts.jwt("{\"exp\":" + exp + "}"), "token"))
			.withMessage("Invalid token: exp claim is not a whole number of seconds");
	}

	@ParameterizedTest
	@CsvSource({ "0, 0", "0.0, 0", "1.7e9, 1700000000", "1700000000.000, 1700000000", "253402300799, 253402300799" })
	void acceptsWholeSecondsWrittenAnyWay(String exp, long epochSecond) {
		assertThat(JwtClaims.parse(TestJwts.jwt("{\"exp\":" + exp + "}"), "token").expiresAt())
			.isEqualTo(Instant.ofEpochSecond(epochSecond));
	}

}
