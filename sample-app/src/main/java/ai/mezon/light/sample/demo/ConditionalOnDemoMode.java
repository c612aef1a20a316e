package ai.mezon.light.sample.demo;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Conditional;

/**
 * Matches in demo mode: {@code demo.enabled=true}, or {@code demo.enabled} unset and no Mezon
 * credentials configured (see {@link OnDemoModeCondition}).
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Conditional(OnDemoModeCondition.class)
public @interface ConditionalOnDemoMode {

}
