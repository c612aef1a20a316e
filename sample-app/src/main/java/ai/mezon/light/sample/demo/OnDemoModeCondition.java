package ai.mezon.light.sample.demo;

import java.util.List;
import java.util.Locale;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.BindResult;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

import ai.mezon.light.autoconfigure.MezonConnectionDetails;

/**
 * Decides demo mode from the environment, before any bean exists (so the demo's
 * {@code MezonConnectionDetails} is in place before the auto-configuration looks for one):
 * <ol>
 * <li>{@code demo.enabled}, when set, decides;</li>
 * <li>else demo mode runs when none of {@code mezon.id-token}, {@code mezon.session.token} and
 * {@code mezon.session.refresh-token} is set (by property, argument or environment variable
 * such as {@code MEZON_ID_TOKEN}) and the session store is the in-memory one. A file, JDBC or
 * Redis store may hold a session saved by an earlier run, which the starter would resume: that
 * counts as credentials.</li>
 * </ol>
 * Only presence is checked, never a value: no secret reaches the condition report.
 */
public class OnDemoModeCondition extends SpringBootCondition {

	/** The properties that make the starter sign in to a real server. */
	static final List<String> CREDENTIAL_PROPERTIES = List.of("mezon.id-token", "mezon.session.token",
			"mezon.session.refresh-token");

	private static final List<String> VOLATILE_STORES = List.of("memory", "auto");

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		Binder binder = Binder.get(context.getEnvironment());
		BindResult<Boolean> forced = binder.bind("demo.enabled", Boolean.class);
		if (forced.isBound()) {
			return forced.get() ? ConditionOutcome.match("demo.enabled is true")
					: ConditionOutcome.noMatch("demo.enabled is false");
		}
		List<String> configured = CREDENTIAL_PROPERTIES.stream()
			.filter((name) -> binder.bind(name, String.class).map((value) -> !value.isBlank()).orElse(false))
			.toList();
		if (!configured.isEmpty()) {
			return ConditionOutcome.noMatch("Mezon credentials are configured: " + String.join(", ", configured));
		}
		String store = binder.bind("mezon.session-store.type", String.class).orElse("memory");
		if (!VOLATILE_STORES.contains(store.toLowerCase(Locale.ROOT))) {
			// "auto" counts as memory here: the sample has neither Redis nor JDBC on its class path.
			return ConditionOutcome.noMatch("mezon.session-store.type is " + store + " and may hold a session");
		}
		return ConditionOutcome.match("no Mezon credentials are configured");
	}

}
