/**
 * Embedded Mezon test server for tests and demos, in the SDK's terms: {@link
 * ai.mezon.light.test.MezonTestServer} (also as a JUnit extension, {@link
 * ai.mezon.light.test.MezonTestServerExtension}, and a Spring bean, {@link
 * ai.mezon.light.test.ImportMezonTestServer}), the messages it holds as {@link
 * ai.mezon.light.test.StoredMessage}, and {@link ai.mezon.light.test.RecordingSocketListener} to
 * record what a {@code LightSocket} delivers. {@link ai.mezon.light.test.MezonTestServerMain} runs it
 * standalone.
 */
@NullMarked
package ai.mezon.light.test;

import org.jspecify.annotations.NullMarked;

import ai.mezon.light.LightSocket;
