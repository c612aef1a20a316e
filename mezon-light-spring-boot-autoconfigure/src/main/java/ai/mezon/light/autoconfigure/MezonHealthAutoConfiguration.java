package ai.mezon.light.autoconfigure;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

import ai.mezon.light.LightSocket;
import ai.mezon.light.autoconfigure.internal.MezonHealthIndicator;
import ai.mezon.light.autoconfigure.internal.SocketLeadership;

/**
 * {@link AutoConfiguration Auto-configuration} of the {@code mezon} health indicator, when
 * Boot's health module is present (e.g. with {@code spring-boot-starter-actuator}): UP while the
 * socket is connected (or, with {@code mezon.instances.single-active-socket}, while this instance
 * is a follower standing by), DOWN with the reason and next retry time otherwise. Disable it with
 * {@code management.health.mezon.enabled=false}; replace it with a bean named
 * {@code mezonHealthIndicator}.
 */
@AutoConfiguration(after = { MezonAutoConfiguration.class, MezonInstancesAutoConfiguration.class })
@ConditionalOnClass({ HealthIndicator.class, LightSocket.class })
@ConditionalOnBean(LightSocket.class)
@ConditionalOnEnabledHealthIndicator("mezon")
public final class MezonHealthAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "mezonHealthIndicator")
	HealthIndicator mezonHealthIndicator(LightSocket socket, ObjectProvider<SocketLeadership> leadership) {
		SocketLeadership election = leadership.getIfAvailable();
		return (election != null) ? new MezonHealthIndicator(socket, () -> !election.isLeader())
				: new MezonHealthIndicator(socket);
	}

}
