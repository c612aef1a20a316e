package ai.mezon.light;

import java.util.Collection;
import java.util.List;

/**
 * Mezon ids are 64-bit snowflakes. The API shows them as decimal strings (as the TypeScript SDK
 * does, since JavaScript numbers cannot hold them); the wire carries them as int64.
 */
public final class Ids {

	private Ids() {
	}

	/**
	 * Parses a decimal id.
	 * @param name what the id is, for the error message (e.g. {@code "channelId"})
	 * @param id the decimal string
	 * @return the id as a long
	 * @throws IllegalArgumentException if the id is blank, not a decimal number, not positive, or
	 * does not fit 64 bits
	 */
	public static long parse(String name, String id) {
		if (id == null || id.isBlank()) {
			throw new IllegalArgumentException(name + " must not be blank");
		}
		long value;
		try {
			value = Long.parseLong(id.trim());
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(name + " must be a decimal 64-bit id, got '" + abbreviate(id) + "'");
		}
		if (value <= 0) {
			throw new IllegalArgumentException(name + " must be a positive id, got " + value);
		}
		return value;
	}

	/**
	 * Parses every id of a collection.
	 * @param name what the ids are, for the error message
	 * @param ids the decimal strings
	 * @return the ids as longs, in order
	 */
	public static List<Long> parseAll(String name, Collection<String> ids) {
		return ids.stream().map((id) -> parse(name, id)).toList();
	}

	/**
	 * Formats a wire id for the API.
	 * @param id the int64 id
	 * @return its decimal string, or {@code ""} for 0 (absent)
	 */
	public static String format(long id) {
		return (id != 0) ? Long.toString(id) : "";
	}

	private static String abbreviate(String value) {
		return (value.length() <= 32) ? value : value.substring(0, 32) + "...";
	}

}
