/**
 * The session: {@link ai.mezon.light.session.Session} (the JWT pair and the hosts), its exported
 * form {@link ai.mezon.light.session.SessionData}, listeners of its changes, and where it lives:
 * {@link ai.mezon.light.session.SessionStore} (in memory, in files; JDBC and Redis in the Spring Boot
 * starter), beside the {@link ai.mezon.light.session.DeliveryCursorStore delivery cursors} and the
 * {@link ai.mezon.light.session.JoinedChannelStore joined channels} that let a bot pick up where it
 * stopped.
 */
@NullMarked
package ai.mezon.light.session;

import org.jspecify.annotations.NullMarked;
