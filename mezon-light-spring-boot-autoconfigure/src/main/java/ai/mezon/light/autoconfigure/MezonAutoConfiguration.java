package ai.mezon.light.autoconfigure;

import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.web.client.RestClient;

import ai.mezon.light.LightClient;
import ai.mezon.light.LightClientOptions;
import ai.mezon.light.LightSocket;
import ai.mezon.light.SocketOptions;
import ai.mezon.light.autoconfigure.internal.ApplicationEventBridge;
import ai.mezon.light.autoconfigure.internal.ClientFactory;
import ai.mezon.light.autoconfigure.internal.DispatchExecutors;
import ai.mezon.light.autoconfigure.internal.SendingSocketRouter;
import ai.mezon.light.autoconfigure.internal.SessionBootstrapper;
import ai.mezon.light.autoconfigure.internal.SessionRefresher;
import ai.mezon.light.autoconfigure.internal.SocketLifecycle;
import ai.mezon.light.autoconfigure.internal.UnknownPropertiesReporter;
import ai.mezon.light.session.Session;
import ai.mezon.light.session.SessionStore;
import ai.mezon.light.spring.MezonTemplate;

/**
 * {@link AutoConfiguration Auto-configuration} of the Mezon light client: a {@link LightClient}
 * signed in from the session store, a configured session or an id token; its
 * {@link SessionStore}; {@link LightClientOptions}; proactive session refresh; the
 * {@link LightSocket}, connected while the application runs; {@link MezonTemplate}; and the
 * socket's events published as {@code Mezon...Event} application events.
 *
 * <p>Every bean backs off when the application defines its own of the same type.
 */
@AutoConfiguration(afterName = { "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
		"org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration",
		"org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration" })
@ConditionalOnClass(LightClient.class)
@ConditionalOnProperty(prefix = "mezon", name = "enabled", havingValue = "true", matchIfMissing = true)
@EnableConfigurationProperties(MezonProperties.class)
@Import({ MezonSessionStoreConfigurations.RedisStoreConfiguration.class,
		MezonSessionStoreConfigurations.JdbcStoreConfiguration.class,
		MezonSessionStoreConfigurations.FileStoreConfiguration.class,
		MezonSessionStoreConfigurations.FallbackStoreConfiguration.class })
public final class MezonAutoConfiguration {

	/** Warns of typo'd {@code mezon.*} names; takes the bound properties so bad values fail first. */
	@Bean
	UnknownPropertiesReporter mezonUnknownPropertiesReporter(Environment environment, MezonProperties properties) {
		return new UnknownPropertiesReporter(environment);
	}

	@Bean
	@ConditionalOnMissingBean(MezonConnectionDetails.class)
	PropertiesMezonConnectionDetails mezonConnectionDetails(MezonProperties properties) {
		return new PropertiesMezonConnectionDetails(properties);
	}

	@Bean
	@ConditionalOnMissingBean
	LightClientOptions mezonLightClientOptions(MezonProperties properties,
			ObjectProvider<RestClient.Builder> restClientBuilder,
			ObjectProvider<MezonRestClientCustomizer> restClientCustomizers,
			ObjectProvider<LightClientOptionsCustomizer> customizers) {
		Supplier<RestClient.Builder> builders = () -> {
			// Boot's builder bean is a prototype; clone anyway so a singleton one is never changed.
			RestClient.Builder builder = restClientBuilder.getIfAvailable(RestClient::builder).clone();
			restClientCustomizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
			return builder;
		};
		LightClientOptions.Builder options = LightClientOptions.builder()
			.requestTimeout(properties.getRequestTimeout())
			.maxResponseSize(properties.getMaxResponseSize().toBytes())
			.allowInsecureTransport(properties.isAllowInsecureTransport())
			.restClientBuilder(builders);
		customizers.orderedStream().forEach((customizer) -> customizer.customize(options));
		return options.build();
	}

	@Bean
	SessionBootstrapper mezonSessionBootstrapper(MezonConnectionDetails connectionDetails, SessionStore sessionStore,
			MezonProperties properties, LightClientOptions options) {
		return new SessionBootstrapper(connectionDetails, sessionStore, properties.getSessionStore().getKey(), options,
				ClientFactory.DEFAULT);
	}

	@Bean
	@ConditionalOnMissingBean
	LightClient mezonLightClient(SessionBootstrapper bootstrapper) {
		return bootstrapper.bootstrap();
	}

	@Bean
	@ConditionalOnBooleanProperty(name = "mezon.refresh.enabled", matchIfMissing = true)
	SessionRefresher mezonSessionRefresher(LightClient client, SessionBootstrapper bootstrapper,
			MezonProperties properties, ApplicationEventPublisher publisher) {
		Supplier<Session> refresh = client::refreshSession;
		return new SessionRefresher(client, refresh, bootstrapper.reauthenticator(client),
				properties.getRefresh().getBeforeExpiry(), properties.getRefresh().getRetryInterval(), publisher);
	}

	@Bean
	@ConditionalOnMissingBean
	LightSocket mezonLightSocket(LightClient client, MezonProperties properties, Environment environment,
			ObjectProvider<LightSocketOptionsCustomizer> customizers) {
		MezonProperties.Socket socket = properties.getSocket();
		MezonProperties.Socket.Reconnect reconnect = socket.getReconnect();
		SocketOptions.Builder options = SocketOptions.builder()
			.heartbeatInterval(socket.getHeartbeatInterval())
			.connectTimeout(socket.getConnectTimeout())
			.requestTimeout(socket.getRequestTimeout())
			.legacyCid(socket.isLegacyCid())
			.autoJoin(socket.isAutoJoinAddedChannels())
			.reconnect(reconnect.isEnabled())
			.reconnectBackoff(reconnect.getInitialBackoff(), reconnect.getMaxBackoff(), reconnect.getMultiplier())
			.reconnectMaxAttempts(reconnect.getMaxAttempts())
			.typingInterval(socket.getTypingInterval())
			.maxFrameSize(Math.toIntExact(socket.getMaxFrameSize().toBytes()))
			.sendRate(socket.getSendRate())
			.sendQueueCapacity(socket.getSendQueueCapacity())
			.listChannelsOnConnect(socket.isListChannelsOnConnect())
			.queueCapacity(properties.getEvents().getMaxQueued());
		// Virtual threads, when chosen, also complete the sends' futures: their callbacks may block too.
		Executor dispatch = DispatchExecutors.resolve(properties.getEvents().getExecutor(), environment);
		options.dispatchExecutor(dispatch).callbackExecutor(dispatch);
		customizers.orderedStream().forEach((customizer) -> customizer.customize(options));
		// Closed (disconnected) when the context closes: LightSocket is AutoCloseable.
		return client.createSocket(options.build());
	}

	@Bean
	@ConditionalOnBooleanProperty(name = "mezon.socket.auto-connect", matchIfMissing = true)
	// With a single active socket, MezonInstancesAutoConfiguration connects it on the leader only.
	@ConditionalOnBooleanProperty(name = "mezon.instances.single-active-socket", havingValue = false,
			matchIfMissing = true)
	SocketLifecycle mezonSocketLifecycle(LightSocket socket, MezonProperties properties,
			ObjectProvider<SessionRefresher> refresher) {
		MezonProperties.Socket config = properties.getSocket();
		return new SocketLifecycle(socket, config.getJoinDmChannels(), config.getJoinGroupChannels(),
				config.getConnectTimeout(), config.getRequestTimeout(), refresher.getIfAvailable());
	}

	@Bean
	@ConditionalOnMissingBean
	MezonTemplate mezonTemplate(LightSocket socket, ObjectProvider<MezonTemplate.SendObserver> observers,
			ObjectProvider<SendingSocketRouter> router) {
		List<MezonTemplate.SendObserver> all = observers.orderedStream().toList();
		MezonTemplate.SendObserver observer = switch (all.size()) {
			case 0 -> MezonTemplate.SendObserver.NONE;
			case 1 -> all.get(0);
			default -> MezonTemplate.SendObserver.of(all);
		};
		SendingSocketRouter sends = router.getIfAvailable();
		return (sends != null) ? new MezonTemplate(socket, observer, sends::sendingSocket)
				: new MezonTemplate(socket, observer);
	}

	@Bean
	@ConditionalOnBooleanProperty(name = "mezon.events.publish-application-events", matchIfMissing = true)
	ApplicationEventBridge mezonApplicationEventBridge(LightSocket socket, MezonTemplate template,
			ApplicationEventPublisher publisher, MezonProperties properties) {
		return new ApplicationEventBridge(socket, template, publisher, properties.getEvents().isIncludeOwnMessages());
	}

}
