package ai.mezon.light.autoconfigure.internal;

import java.sql.SQLException;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.Environment;

/**
 * Explains a start-up that failed because a table of the starter is missing: the JDBC session
 * store's ({@code mezon.session-store.jdbc.table-name} and its {@code _cursor} table) or the lock
 * table of {@code JdbcLockRegistry}. Their schema is created by default only in embedded
 * databases, so on PostgreSQL the first query fails with {@code relation "mezon_session" does not
 * exist}; this names the setting and the script.
 *
 * <p>Reads the table names from the {@link Environment} (the beans are gone when a start-up
 * failure is analysed). Works on {@link SQLException} so that it needs nothing beyond the JDK.
 */
public class MezonJdbcSchemaFailureAnalyzer extends AbstractFailureAnalyzer<SQLException> {

	private final Environment environment;

	/**
	 * @param environment the failed application's environment
	 */
	public MezonJdbcSchemaFailureAnalyzer(Environment environment) {
		this.environment = environment;
	}

	@Override
	protected @Nullable FailureAnalysis analyze(Throwable rootFailure, SQLException cause) {
		String message = String.valueOf(cause.getMessage());
		if (!isMissingTable(cause, message)) {
			return null;
		}
		String lower = message.toLowerCase(Locale.ROOT);
		String sessionTable = this.environment.getProperty("mezon.session-store.jdbc.table-name", "mezon_session");
		String lockTable = this.environment.getProperty("mezon.instances.jdbc.table-prefix", "INT_") + "LOCK";
		String firstLine = message.lines().findFirst().orElse(message).trim();
		if (mentions(lower, sessionTable)) {
			return new FailureAnalysis("The Mezon JDBC session store's table " + sessionTable + " (or "
					+ sessionTable + "_cursor) does not exist: " + firstLine,
					"Let the starter create it at start-up: set mezon.session-store.jdbc.initialize-schema=always "
							+ "(the default, embedded, creates it in embedded databases such as H2 only). Or create "
							+ "it yourself, e.g. with your migration tool, from the script "
							+ MezonSchemaInitializers.SESSION_SCHEMA_LOCATION.replace("@@platform@@", "<platform>")
							+ " (postgresql or h2) in the starter's jar, with %TABLE_NAME% replaced by "
							+ sessionTable + ".",
					cause);
		}
		if (mentions(lower, lockTable)) {
			return new FailureAnalysis("The lock table " + lockTable + " of the Mezon instances' JdbcLockRegistry "
					+ "does not exist: " + firstLine,
					"Let the starter create it at start-up: set mezon.instances.jdbc.initialize-schema=always "
							+ "(the default, embedded, creates it in embedded databases only). Or create it from "
							+ MezonSchemaInitializers.LOCK_SCHEMA_LOCATION.replace("@@platform@@", "<platform>")
							+ " (postgresql or h2), with %PREFIX% replaced by the prefix, or from Spring "
							+ "Integration's own schema script.",
					cause);
		}
		return null;
	}

	/** PostgreSQL's undefined_table, the standard "base table not found" (H2, MySQL), or the words. */
	private static boolean isMissingTable(SQLException ex, String message) {
		String state = ex.getSQLState();
		String lower = message.toLowerCase(Locale.ROOT);
		return "42P01".equals(state) || "42S02".equals(state) || lower.contains("does not exist")
				|| (lower.contains("table") && lower.contains("not found"));
	}

	private static boolean mentions(String lowerMessage, String table) {
		String name = table.toLowerCase(Locale.ROOT);
		int dot = name.lastIndexOf('.');
		String bare = (dot >= 0) ? name.substring(dot + 1) : name;
		// Also matches <table>_cursor.
		return lowerMessage.contains(bare);
	}

}
