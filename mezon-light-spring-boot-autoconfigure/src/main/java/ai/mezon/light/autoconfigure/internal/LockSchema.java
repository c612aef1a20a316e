package ai.mezon.light.autoconfigure.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.springframework.boot.jdbc.init.PlatformPlaceholderDatabaseDriverResolver;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;
import org.springframework.jdbc.datasource.init.DatabasePopulatorUtils;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.util.StreamUtils;

/**
 * Creates Spring Integration's lock table ({@code INT_LOCK}, for {@code JdbcLockRegistry}) if it
 * does not exist, with the script shipped for the database's platform (PostgreSQL, H2). Spring
 * Integration's own scripts create every one of its tables; this creates the lock table only.
 */
public final class LockSchema {

	/** Where the scripts are; {@code @@platform@@} is the database's id, e.g. {@code postgresql}. */
	public static final String LOCATION = "classpath:META-INF/mezon-light/lock-schema-@@platform@@.sql";

	private static final Pattern PREFIX = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*\\.)?[A-Za-z_][A-Za-z0-9_]*");

	private LockSchema() {
	}

	/**
	 * @param dataSource the database
	 * @param prefix the table prefix, e.g. {@code INT_}
	 * @throws IllegalStateException when no script exists for the database
	 */
	public static void initialize(DataSource dataSource, String prefix) {
		if (!PREFIX.matcher(prefix).matches()) {
			throw new IllegalArgumentException("Invalid lock table prefix: " + prefix);
		}
		List<String> locations = new PlatformPlaceholderDatabaseDriverResolver().resolveAll(dataSource, LOCATION);
		Resource script = new DefaultResourceLoader(LockSchema.class.getClassLoader()).getResource(locations.get(0));
		if (!script.exists()) {
			throw new IllegalStateException("No Mezon lock table script for this database (" + locations.get(0)
					+ "): create " + prefix + "LOCK with Spring Integration's schema script and set "
					+ "mezon.instances.jdbc.initialize-schema=never");
		}
		try {
			String sql = StreamUtils.copyToString(script.getInputStream(), StandardCharsets.UTF_8)
				.replace("%PREFIX%", prefix);
			DatabasePopulatorUtils.execute(
					new ResourceDatabasePopulator(new ByteArrayResource(sql.getBytes(StandardCharsets.UTF_8))),
					dataSource);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read " + script, ex);
		}
	}

}
