package ai.mezon.light.sample.demo;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of demo mode ({@code demo.*}).
 *
 * @param enabled Whether to run in demo mode: an embedded Mezon test server and a simulated
 * visitor. Unset: only when no Mezon credentials are configured.
 * @param chatInterval How often the visitor says something on its own; 0 for only its greeting.
 * @param serverPort Port of the embedded Mezon test server (loopback only); 0 for a free one.
 * @param botName User name of the bot on the embedded server.
 * @param visitorName User name of the simulated visitor.
 */
@ConfigurationProperties("demo")
public record DemoProperties(@Nullable Boolean enabled, @DefaultValue("20s") Duration chatInterval,
		@DefaultValue("0") int serverPort, @DefaultValue("echo-bot") String botName,
		@DefaultValue("visitor") String visitorName) {

}
