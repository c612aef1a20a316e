package ai.mezon.light.autoconfigure;

import java.time.Duration;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.util.ClassUtils;

import ai.mezon.light.autoconfigure.internal.MezonInsecureTransportFailureAnalyzer;
import ai.mezon.light.autoconfigure.internal.MezonJdbcSchemaFailureAnalyzer;
import ai.mezon.light.autoconfigure.internal.MezonSignInFailureAnalyzer;
import ai.mezon.light.test.MezonTestServer;
import ai.mezon.light.test.MezonTestServerExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * What a user sees when the bot cannot start: every Mezon start-up failure explained by a
 * failure analyzer naming the URL or table, the cause in one line and the property to fix; bad
 * property values refused when bound, before anything signs in.
 */
@ExtendWith(OutputCaptureExtension.class)
class MezonStartupFailureAnalysisTests {

	private static final String ID_TOKEN = MezonTestServer.TEST_ID_TOKEN;

	@RegisterExtension
	static MezonTestServerExtension server = new MezonTestServerExtension();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MezonAutoConfiguration.class))
		.withPropertyValues("mezon.socket.auto-connect=false", "mezon.id-token=" + ID_TOKEN, "mezon.user-id=42",
				"mezon.username=bot", "mezon.request-timeout=2s");

	@AfterEach
	void resetFaults() {
		server.get().delayRestCalls(Duration.ZERO);
	}

	private ApplicationContextRunner atTheServer() {
		return this.runner.withPropertyValues("mezon.gateway-url=" + server.get().baseUrl(),
				"mezon.server-key=" + server.get().serverKey());
	}

	@Test
	void unreachableGatewayNamesTheUrlTheCauseAndTheProperty() {
		this.runner.withPropertyValues("mezon.gateway-url=http://127.0.0.1:1").run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = new MezonSignInFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis).isNotNull();
			assertThat(analysis.getDescription()).startsWith("The Mezon client could not sign in at http://127.0.0.1:1: "
					+ "the gateway could not be reached (")
				.doesNotContain("\n")
				.doesNotContain(ID_TOKEN);
			assertThat(analysis.getAction()).contains("mezon.gateway-url (now http://127.0.0.1:1");
		});
	}

	@Test
	void refusedIdTokenNamesTheIdTokenProperty() {
		server.get().failRestCalls(401, 1);
		atTheServer().run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = new MezonSignInFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).isEqualTo("The Mezon client could not sign in at "
					+ server.get().baseUrl() + ": the gateway refused the id token (HTTP 401).");
			assertThat(analysis.getAction()).contains("mezon.id-token", "MEZON_ID_TOKEN", "mezon.user-id",
					"mezon.server-key");
		});
	}

	@Test
	void gatewayTimeoutNamesTheRequestTimeout() {
		server.get().delayRestCalls(Duration.ofSeconds(5));
		atTheServer().withPropertyValues("mezon.request-timeout=300ms").run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = new MezonSignInFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).contains(server.get().baseUrl(),
					"the gateway did not answer within 300 ms");
			assertThat(analysis.getAction()).contains("mezon.gateway-url", "mezon.request-timeout (now 300 ms)");
		});
	}

	@Test
	void clearTextRefusalNamesAllowInsecureTransport() {
		this.runner.withPropertyValues("mezon.gateway-url=http://gateway.example.com").run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = new MezonInsecureTransportFailureAnalyzer()
				.analyze(context.getStartupFailure());
			assertThat(analysis).isNotNull();
			assertThat(analysis.getDescription()).contains("http://gateway.example.com");
			assertThat(analysis.getAction()).contains("mezon.allow-insecure-transport=true");
			// Not mistaken for a sign-in failure: nothing was sent.
			assertThat(new MezonSignInFailureAnalyzer().analyze(context.getStartupFailure())).isNull();
		});
	}

	@Test
	void invalidDurationFailsAtBindingNamingThePropertyBeforeSigningIn() {
		// The gateway would not answer: failing at binding is what keeps this from trying.
		this.runner
			.withPropertyValues("mezon.gateway-url=http://127.0.0.1:1", "mezon.socket.heartbeat-interval=0s",
					"mezon.refresh.retry-interval=-1s", "mezon.catch-up.page-size=0",
					"mezon.session-store.jdbc.table-name=drop table")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(new MezonSignInFailureAnalyzer().analyze(context.getStartupFailure())).isNull();
				BindValidationException validation = findCause(context.getStartupFailure(),
						BindValidationException.class);
				assertThat(validation.getValidationErrors().getAllErrors())
					.extracting((error) -> error.getDefaultMessage())
					.containsExactlyInAnyOrder("mezon.socket.heartbeat-interval must be positive",
							"mezon.refresh.retry-interval must be positive", "mezon.catch-up.page-size must be at least 1",
							"mezon.session-store.jdbc.table-name must be an SQL identifier (letters, digits, underscores; "
									+ "optionally schema.name)");
			});
	}

	@Test
	void validDefaultsPassValidation() {
		atTheServer().run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void missingJdbcTableOnPostgresNamesInitializeSchemaAndTheScript() throws Exception {
		DataSource postgres = TestServices.postgres();
		String table = TestServices.unique("mezon_missing");
		// initialize-schema is "embedded" by default: nothing is created in PostgreSQL.
		atTheServer()
			.withPropertyValues("mezon.session-store.type=jdbc", "mezon.session-store.jdbc.table-name=" + table)
			.withBean(DataSource.class, () -> postgres)
			.run((context) -> {
				assertThat(context).hasFailed();
				// As Boot builds it: with the failed application's environment.
				FailureAnalysis analysis = new MezonJdbcSchemaFailureAnalyzer(
						new MockEnvironment().withProperty("mezon.session-store.jdbc.table-name", table))
					.analyze(context.getStartupFailure());
				assertThat(analysis).isNotNull();
				assertThat(analysis.getDescription()).contains("table " + table, "does not exist");
				assertThat(analysis.getAction()).contains("mezon.session-store.jdbc.initialize-schema=always",
						"META-INF/mezon-light/schema-<platform>.sql", "%TABLE_NAME%");
			});
		assertThat(JdbcClient.create(postgres)
			.sql("SELECT COUNT(*) FROM information_schema.tables WHERE table_name = ?")
			.param(table)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void jdbcAnalyzerLeavesOtherSqlFailuresAlone() {
		MezonJdbcSchemaFailureAnalyzer analyzer = new MezonJdbcSchemaFailureAnalyzer(new MockEnvironment());
		assertThat(analyzer.analyze(new RuntimeException(
				new java.sql.SQLException("ERROR: relation \"orders\" does not exist", "42P01")))).isNull();
		assertThat(analyzer.analyze(new RuntimeException(
				new java.sql.SQLException("ERROR: syntax error at or near \"mezon_session\"", "42601")))).isNull();
		FailureAnalysis lock = analyzer.analyze(new RuntimeException(
				new java.sql.SQLException("Table \"INT_LOCK\" not found", "42S02")));
		assertThat(lock.getAction()).contains("mezon.instances.jdbc.initialize-schema=always");
	}

	/** The analyzers are registered: a real application prints the analysis, not a stack trace. */
	@Test
	void aFailedApplicationPrintsTheAnalysis(CapturedOutput output) {
		SpringApplicationBuilder application = new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE)
			.properties("mezon.socket.auto-connect=false", "mezon.id-token=" + ID_TOKEN, "mezon.user-id=42",
					"mezon.username=bot", "mezon.gateway-url=http://127.0.0.1:1", "spring.main.banner-mode=off");
		assertThatException().isThrownBy(application::run);
		assertThat(output).contains("APPLICATION FAILED TO START",
				"The Mezon client could not sign in at http://127.0.0.1:1: the gateway could not be reached",
				"Check mezon.gateway-url").doesNotContain(ID_TOKEN);
	}

	private static <T extends Throwable> T findCause(Throwable failure, Class<T> type) {
		for (Throwable t = failure; t != null; t = t.getCause()) {
			if (type.isInstance(t)) {
				return type.cast(t);
			}
		}
		throw new AssertionError("No " + ClassUtils.getShortName(type) + " in " + failure);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class App {

	}

}
