package ai.mezon.light.autoconfigure.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.boot.jdbc.init.DataSourceScriptDatabaseInitializer;
import org.springframework.boot.jdbc.init.PlatformPlaceholderDatabaseDriverResolver;
import org.springframework.boot.sql.init.DatabaseInitializationMode;
import org.springframework.boot.sql.init.DatabaseInitializationSettings;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.util.StreamUtils;

import ai.mezon.light.autoconfigure.MezonProperties.SessionStore.Jdbc.InitializeSchema;
import ai.mezon.light.session.Session;

/**
 * The starter's tables created through Spring Boot's own database initialization, as Boot does
 * for Spring Session JDBC, Quartz and Spring Integration: a {@link DataSourceScriptDatabaseInitializer}
 * per schema, with {@link DatabaseInitializationMode} ({@code embedded} by default: H2 and the
 * like only; {@code always}; {@code never}) and the {@code .sql} scripts shipped in the jar under
 * {@code META-INF/mezon-light/}, one per platform ({@code postgresql}, {@code h2}).
 *
 * <p>Being {@code DataSourceScriptDatabaseInitializer}s, Boot detects them: beans that depend on
 * database initialization ({@code @DependsOnDatabaseInitialization}, the JDBC session store, a
 * {@code JdbcTemplate}) are created after them. The scripts name their table with a placeholder
 * ({@code %TABLE_NAME%}, {@code %PREFIX%}), replaced with the configured, validated, name when
 * they run. The platform is resolved from the database only when the mode is not {@code never},
 * so {@code never} opens no connection at start-up.
 */
public final class MezonSchemaInitializers {

	/** The session store's scripts; {@code @@platform@@} is the database's id, e.g. {@code postgresql}. */
	public static final String SESSION_SCHEMA_LOCATION = "classpath:META-INF/mezon-light/schema-@@platform@@.sql";

	/** The lock table's scripts; {@code @@platform@@} is the database's id. */
	public static final String LOCK_SCHEMA_LOCATION = "classpath:META-INF/mezon-light/lock-schema-@@platform@@.sql";

	private MezonSchemaInitializers() {
	}

	/**
	 * Boot's mode for a {@code mezon.*.jdbc.initialize-schema} value. The property keeps an enum of
	 * its own, with the same three values, so that binding {@code mezon.*} needs no JDBC class.
	 * @param value the property's value
	 * @return the same choice as a {@link DatabaseInitializationMode}
	 */
	public static DatabaseInitializationMode mode(InitializeSchema value) {
		return switch (value) {
			case ALWAYS -> DatabaseInitializationMode.ALWAYS;
			case EMBEDDED -> DatabaseInitializationMode.EMBEDDED;
			case NEVER -> DatabaseInitializationMode.NEVER;
		};
	}

	/**
	 * @param dataSource the database
	 * @param tableName the session table (its cursor table is {@code <tableName>_cursor})
	 * @param mode when to create them
	 * @return the initializer of the JDBC session store's tables
	 */
	public static Initializer sessionStore(DataSource dataSource, String tableName, DatabaseInitializationMode mode) {
		return new Initializer(dataSource, SESSION_SCHEMA_LOCATION, "%TABLE_NAME%", tableName, mode,
				"mezon.session-store.jdbc.initialize-schema");
	}

	/**
	 * @param dataSource the database
	 * @param prefix the table prefix, e.g. {@code INT_}
	 * @param mode when to create the table
	 * @return the initializer of Spring Integration's lock table ({@code <prefix>LOCK})
	 */
	public static Initializer lockTable(DataSource dataSource, String prefix, DatabaseInitializationMode mode) {
		return new Initializer(dataSource, LOCK_SCHEMA_LOCATION, "%PREFIX%", prefix, mode,
				"mezon.instances.jdbc.initialize-schema");
	}

	/**
	 * Runs one of the starter's schema scripts, its placeholder replaced. Runs once, when the bean
	 * is initialised (on the thread creating the context).
	 */
	public static final class Initializer extends DataSourceScriptDatabaseInitializer {

		private final DatabaseInitializationSettings settings;

		private final String location;

		private final String placeholder;

		private final String value;

		private final String property;

		private final ResourceLoader resources = new DefaultResourceLoader(MezonSchemaInitializers.class.getClassLoader());

		private Initializer(DataSource dataSource, String location, String placeholder, String value,
				DatabaseInitializationMode mode, String property) {
			this(dataSource, settings(mode), location, placeholder, value, property);
		}

		private Initializer(DataSource dataSource, DatabaseInitializationSettings settings, String location,
				String placeholder, String value, String property) {
			super(dataSource, settings);
			this.settings = settings;
			this.location = location;
			this.placeholder = placeholder;
			this.value = value;
			this.property = property;
		}

		private static DatabaseInitializationSettings settings(DatabaseInitializationMode mode) {
			DatabaseInitializationSettings settings = new DatabaseInitializationSettings();
			settings.setMode(mode);
			settings.setEncoding(StandardCharsets.UTF_8);
			return settings;
		}

		/** @return the script location, {@code @@platform@@} not yet resolved */
		public String getLocation() {
			return this.location;
		}

		/** @return when the scripts run */
		public DatabaseInitializationMode getMode() {
			return this.settings.getMode();
		}

		@Override
		public boolean initializeDatabase() {
			if (this.settings.getMode() != DatabaseInitializationMode.NEVER) {
				// Resolved here, not in the constructor: it asks the database which platform it is.
				List<String> locations = new PlatformPlaceholderDatabaseDriverResolver().resolveAll(getDataSource(),
						this.location);
				if (locations.stream().noneMatch((each) -> this.resources.getResource(each).exists())) {
					throw new IllegalStateException("No Mezon schema script for this database (" + locations
							+ "): create the tables yourself (see " + this.location.replace("@@platform@@", "postgresql")
							+ " in the starter's jar) and set " + this.property + "=never");
				}
				this.settings.setSchemaLocations(locations);
			}
			return super.initializeDatabase();
		}

		@Override
		protected void runScripts(Scripts scripts) {
			List<Resource> resolved = new ArrayList<>();
			Charset encoding = (scripts.getEncoding() != null) ? scripts.getEncoding() : StandardCharsets.UTF_8;
			for (Resource script : scripts) {
				resolved.add(substitute(script, encoding));
			}
			super.runScripts(new Scripts(resolved).continueOnError(scripts.isContinueOnError())
				.separator(scripts.getSeparator())
				.encoding(encoding));
		}

		private Resource substitute(Resource script, Charset encoding) {
			try (InputStream in = script.getInputStream()) {
				String sql = StreamUtils.copyToString(in, encoding).replace(this.placeholder, this.value);
				return new ByteArrayResource(sql.getBytes(encoding), script.getDescription());
			}
			catch (IOException ex) {
				throw new IllegalStateException("Cannot read the Mezon schema script " + script, ex);
			}
		}

		@Override
		public String toString() {
			return "MezonSchemaInitializers.Initializer[" + this.location + ", " + this.placeholder + "=" + this.value
					+ ", mode=" + this.settings.getMode() + "]";
		}

	}

}
