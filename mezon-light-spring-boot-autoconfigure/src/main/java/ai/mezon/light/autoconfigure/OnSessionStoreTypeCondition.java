package ai.mezon.light.autoconfigure;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

import ai.mezon.light.autoconfigure.MezonProperties.SessionStore.Type;

/**
 * Matches when {@code mezon.session-store.type} selects a store kind; {@code auto} selects the
 * Redis and JDBC stores too (their bean conditions then decide).
 */
abstract class OnSessionStoreTypeCondition extends SpringBootCondition {

	private final Type type;

	OnSessionStoreTypeCondition(Type type) {
		this.type = type;
	}

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		Type configured = configuredType(Binder.get(context.getEnvironment()));
		boolean auto = configured == Type.AUTO && (this.type == Type.REDIS || this.type == Type.JDBC);
		if (configured == this.type || auto) {
			return ConditionOutcome.match("mezon.session-store.type is " + configured);
		}
		return ConditionOutcome.noMatch("mezon.session-store.type is " + configured + ", not " + this.type);
	}

	static Type configuredType(Binder binder) {
		return binder.bind("mezon.session-store.type", Type.class).orElse(Type.MEMORY);
	}

	static final class Redis extends OnSessionStoreTypeCondition {

		Redis() {
			super(Type.REDIS);
		}

	}

	static final class Jdbc extends OnSessionStoreTypeCondition {

		Jdbc() {
			super(Type.JDBC);
		}

	}

	static final class File extends OnSessionStoreTypeCondition {

		File() {
			super(Type.FILE);
		}

	}

}
