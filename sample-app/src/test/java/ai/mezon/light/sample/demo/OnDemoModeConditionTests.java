package ai.mezon.light.sample.demo;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link OnDemoModeCondition}.
 */
class OnDemoModeConditionTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(Probe.class);

	@Test
	void demoWithoutCredentials() {
		this.runner.run((context) -> assertThat(context).hasBean("demo"));
	}

	@Test
	void realWithAnIdToken() {
		this.runner.withPropertyValues("mezon.id-token=abc").run((context) -> assertThat(context).doesNotHaveBean("demo"));
	}

	@Test
	void realWithAnIdTokenFromTheEnvironmentVariableName() {
		// MEZON_ID_TOKEN in the environment binds to mezon.id-token (relaxed binding).
		this.runner
			.withInitializer((context) -> context.getEnvironment()
				.getPropertySources()
				.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
						new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
								Map.of("MEZON_ID_TOKEN", "abc"))))
			.run((context) -> assertThat(context).doesNotHaveBean("demo"));
	}

	@Test
	void realWithAnExportedSession() {
		this.runner.withPropertyValues("mezon.session.token=a.b.c")
			.run((context) -> assertThat(context).doesNotHaveBean("demo"));
		this.runner.withPropertyValues("mezon.session.refresh-token=a.b.c")
			.run((context) -> assertThat(context).doesNotHaveBean("demo"));
	}

	@Test
	void aBlankIdTokenIsNoCredential() {
		this.runner.withPropertyValues("mezon.id-token= ").run((context) -> assertThat(context).hasBean("demo"));
	}

	@Test
	void realWithAPersistentSessionStore() {
		this.runner.withPropertyValues("mezon.session-store.type=file")
			.run((context) -> assertThat(context).doesNotHaveBean("demo"));
		this.runner.withPropertyValues("mezon.session-store.type=auto").run((context) -> assertThat(context).hasBean("demo"));
	}

	@Test
	void demoEnabledDecidesWhenSet() {
		this.runner.withPropertyValues("demo.enabled=false").run((context) -> assertThat(context).doesNotHaveBean("demo"));
		this.runner.withPropertyValues("demo.enabled=true", "mezon.id-token=abc")
			.run((context) -> assertThat(context).hasBean("demo"));
	}

	@Configuration(proxyBeanMethods = false)
	static class Probe {

		@Bean
		@ConditionalOnDemoMode
		String demo() {
			return "demo";
		}

	}

}
