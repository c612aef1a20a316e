/**
 * Demo mode, active when no Mezon credentials are configured: an embedded Mezon test server in
 * the application, the bot pointed at it through a {@code MezonConnectionDetails} bean, and a
 * simulated visitor chatting with the bot. Delete this package (and the {@code mezon-light-test}
 * dependency) to turn the sample into a real-only bot.
 */
@NullMarked
package ai.mezon.light.sample.demo;

import org.jspecify.annotations.NullMarked;

import ai.mezon.light.autoconfigure.MezonConnectionDetails;
