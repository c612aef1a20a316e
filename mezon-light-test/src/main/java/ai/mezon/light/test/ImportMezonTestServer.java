package ai.mezon.light.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Import;

/**
 * Runs a Spring test context's Mezon client against an embedded {@link MezonTestServer}: the
 * server becomes a bean (started with the context, closed with it), a bot user is created on it
 * (a {@link TestUser} bean named {@code mezonTestBot}), and the {@code mezon.*} properties the
 * starter reads are pointed at both: {@code mezon.gateway-url}, {@code mezon.server-key},
 * {@code mezon.id-token}, {@code mezon.user-id}, {@code mezon.username}.
 *
 * <pre>{@code
 * @SpringBootTest
 * @ImportMezonTestServer
 * class EchoBotTests {
 *
 *     @Autowired MezonTestServer server;
 *     @Autowired TestUser mezonTestBot;
 *
 *     @Test
 *     void echoes() {
 *         TestUser alice = server.createUser("alice");
 *         TestChannel dm = server.createDm(alice, mezonTestBot);  // the bot auto-joins it
 *         // await the join, then:
 *         server.sendAs(alice, dm, "ping");
 *         // await server.messages(dm) to hold the bot's answer
 *     }
 * }
 * }</pre>
 *
 * Needs {@code spring-test} (its {@code DynamicPropertyRegistrar}); lives here rather than in the
 * auto-configuration module, which this module must not depend on. Properties set by the test
 * itself for other keys ({@code mezon.socket.*} timers, session store) still apply.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Import(MezonTestServerConfiguration.class)
public @interface ImportMezonTestServer {

}
