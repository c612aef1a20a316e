package ai.mezon.light.sample.web;

import java.net.InetAddress;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.ConfigurableWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import ai.mezon.light.sample.demo.OnRealModeCondition;

/**
 * In real mode the page, its event stream and {@code /api/conversation} show every DM the bot sees,
 * and they have no login. So, unless {@code server.address} is set, the web server listens on the
 * loopback interface only ({@code 127.0.0.1}): reachable from the machine itself (or through an
 * SSH tunnel or a reverse proxy that authenticates), not from the network. Setting
 * {@code server.address} (e.g. {@code 0.0.0.0}) is the explicit choice to expose it, to be made
 * only behind a login. Demo mode, whose conversation is made up, keeps Boot's default (all
 * interfaces).
 */
@Component
@Conditional(OnRealModeCondition.class)
public class LoopbackInRealMode implements WebServerFactoryCustomizer<ConfigurableWebServerFactory> {

	/** The property that, when set, decides instead. */
	static final String ADDRESS_PROPERTY = "server.address";

	private static final Logger logger = LoggerFactory.getLogger(LoopbackInRealMode.class);

	private final Environment environment;

	/**
	 * @param environment where {@code server.address} is looked up
	 */
	public LoopbackInRealMode(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void customize(ConfigurableWebServerFactory factory) {
		if (this.environment.containsProperty(ADDRESS_PROPERTY)) {
			return;
		}
		InetAddress loopback = InetAddress.getLoopbackAddress();
		factory.setAddress(loopback);
		logger.info("Real mode: the conversation page listens on {} only, as it shows the bot's DMs without a login; "
				+ "set server.address to expose it (behind a login)", loopback.getHostAddress());
	}

}
