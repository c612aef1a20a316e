package ai.mezon.light.sample.demo;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches exactly when {@link OnDemoModeCondition} does not: the application signs in to a real
 * Mezon server with configured credentials.
 */
public class OnRealModeCondition extends SpringBootCondition {

	private final OnDemoModeCondition demoMode = new OnDemoModeCondition();

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		ConditionOutcome demo = this.demoMode.getMatchOutcome(context, metadata);
		return demo.isMatch() ? ConditionOutcome.noMatch("demo mode: " + demo.getMessage())
				: ConditionOutcome.match("real mode: " + demo.getMessage());
	}

}
