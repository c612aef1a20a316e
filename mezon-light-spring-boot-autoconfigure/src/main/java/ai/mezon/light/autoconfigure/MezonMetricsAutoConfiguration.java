package ai.mezon.light.autoconfigure;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

import ai.mezon.light.LightSocket;
import ai.mezon.light.autoconfigure.internal.MezonMeters;
import ai.mezon.light.spring.MezonTemplate;

/**
 * {@link AutoConfiguration Auto-configuration} of Mezon meters when the application has a
 * Micrometer {@link MeterRegistry} bean: messages received and sent, send latency, reconnects,
 * connection state, malformed frames and session refreshes (see {@link MezonMeters} for names
 * and tags). Sends are timed through {@link MezonTemplate} (which {@code event.reply(...)} uses).
 */
@AutoConfiguration(after = MezonAutoConfiguration.class,
		afterName = { "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration" })
@ConditionalOnClass({ MeterRegistry.class, LightSocket.class })
@ConditionalOnBean({ MeterRegistry.class, LightSocket.class })
public final class MezonMetricsAutoConfiguration {

	@Bean
	MezonMeters mezonMeters(MeterRegistry registry, LightSocket socket) {
		return new MezonMeters(registry, socket);
	}

}
