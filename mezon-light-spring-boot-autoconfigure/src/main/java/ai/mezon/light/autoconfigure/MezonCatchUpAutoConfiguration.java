package ai.mezon.light.autoconfigure;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;

import ai.mezon.light.CatchUpOptions;
import ai.mezon.light.LightClient;
import ai.mezon.light.autoconfigure.internal.SessionBootstrapper;
import ai.mezon.light.session.DeliveryCursorStore;
import ai.mezon.light.session.InMemorySessionStore;
import ai.mezon.light.session.SessionStore;

/**
 * {@link AutoConfiguration Auto-configuration} of catch-up ({@code mezon.catch-up.*}): the
 * auto-configured socket delivers what it missed while away, from the last delivered message id
 * per channel kept in the {@link DeliveryCursorStore}: a bean of the application's own, else the
 * session store (all four shipped stores are cursor stores too), else memory.
 */
@AutoConfiguration(after = MezonAutoConfiguration.class)
@ConditionalOnBean(LightClient.class)
@ConditionalOnBooleanProperty(name = "mezon.catch-up.enabled", matchIfMissing = true)
public final class MezonCatchUpAutoConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(MezonCatchUpAutoConfiguration.class);

	@Bean
	LightSocketOptionsCustomizer mezonCatchUpCustomizer(MezonProperties properties, LightClient client,
			ObjectProvider<DeliveryCursorStore> cursorStores, ObjectProvider<SessionStore> sessionStores,
			ObjectProvider<SessionBootstrapper> bootstrapper) {
		DeliveryCursorStore store = cursorStores.getIfUnique(() -> {
			SessionStore sessions = sessionStores.getIfUnique();
			if (sessions instanceof DeliveryCursorStore cursors) {
				return cursors;
			}
			logger.info("The Mezon session store {} keeps no delivery cursors: they are kept in memory, so messages "
					+ "missed while the application was stopped are not caught up", sessions);
			return new InMemorySessionStore();
		});
		// The session key: cursors belong to the bot, shared by its instances like its session.
		SessionBootstrapper sessions = bootstrapper.getIfUnique();
		String scope = (sessions != null) ? sessions.getKey() : client.userId();
		MezonProperties.CatchUp catchUp = properties.getCatchUp();
		CatchUpOptions options = new CatchUpOptions(store, scope, catchUp.getMaxMessages(), catchUp.getPageSize(),
				catchUp.getDedupeWindow());
		return (builder) -> builder.catchUp(options);
	}

}
