package ai.mezon.light.autoconfigure.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.bind.AbstractBindHandler;
import org.springframework.boot.context.properties.bind.BindContext;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.UnboundConfigurationPropertiesException;
import org.springframework.boot.context.properties.bind.handler.NoUnboundElementsBindHandler;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.origin.Origin;
import org.springframework.core.env.Environment;

import ai.mezon.light.autoconfigure.MezonProperties;

/**
 * Logs one WARN at start-up listing the {@code mezon.*} properties that match no setting (a
 * typo such as {@code mezon.socket.hearbeat-interval}), with where each was set.
 *
 * <p>A warning rather than refusing unknown fields at binding ({@code ignoreUnknownFields =
 * false}): any environment variable starting with {@code MEZON_} is a {@code mezon.*} property to
 * Boot, and a variable meant for another tool must not stop the bot from starting. Finds them
 * the way Boot's strict binding does: binding {@code mezon} again with a
 * {@link NoUnboundElementsBindHandler}, here without failing. Runs once, on the thread creating
 * the context, after {@link MezonProperties} was bound (and validated).
 */
public final class UnknownPropertiesReporter implements InitializingBean {

	private static final Logger logger = LoggerFactory.getLogger(UnknownPropertiesReporter.class);

	private final Environment environment;

	/**
	 * @param environment the application's environment
	 */
	public UnknownPropertiesReporter(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void afterPropertiesSet() {
		List<String> unknown = unknownProperties();
		if (!unknown.isEmpty()) {
			logger.warn("Unknown Mezon properties, ignored (check their spelling against the configuration "
					+ "reference): {}", String.join("; ", unknown));
		}
	}

	/** @return each unknown {@code mezon.*} property's name, and where it was set when known */
	public List<String> unknownProperties() {
		Set<String> bound = new HashSet<>();
		BindHandler recorder = new AbstractBindHandler() {

			@Override
			public @Nullable Object onSuccess(ConfigurationPropertyName name, Bindable<?> target, BindContext context,
					Object result) {
				bound.add(normalized(name));
				return super.onSuccess(name, target, context, result);
			}

		};
		try {
			Binder.get(this.environment)
				.bind("mezon", Bindable.ofInstance(new MezonProperties()), new NoUnboundElementsBindHandler(recorder));
			return List.of();
		}
		catch (BindException ex) {
			if (ex.getCause() instanceof UnboundConfigurationPropertiesException unbound) {
				return unbound.getUnboundProperties()
					.stream()
					// MEZON_ID_TOKEN binds mezon.id-token (the legacy mapping of environment variables) yet is
					// also reported as an unbound mezon.id.token: not a typo.
					.filter((property) -> !bound.contains(normalized(property.getName())))
					.sorted()
					.map(UnknownPropertiesReporter::describe)
					.toList();
			}
			// A value that does not convert failed the real binding already; nothing to add here.
			return List.of();
		}
	}

	/** The name without separators: {@code mezon.id.token} and {@code mezon.id-token} are one. */
	private static String normalized(ConfigurationPropertyName name) {
		return name.toString().replace("-", "").replace(".", "");
	}

	private static String describe(ConfigurationProperty property) {
		Origin origin = property.getOrigin();
		return property.getName() + ((origin != null) ? " (from " + origin + ")" : "");
	}

}
