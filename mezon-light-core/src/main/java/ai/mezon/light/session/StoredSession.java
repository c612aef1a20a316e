package ai.mezon.light.session;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import ai.mezon.light.MezonSessionException;

/**
 * A session as a {@link SessionStore} holds it: the data and the version that the next
 * compare-and-set save must name.
 *
 * <p>{@link #toJson()} is the form stores that hold text use: the TypeScript SDK's export shape
 * ({@code token, refresh_token, api_url, ws_url, user_id}) plus a {@code version} key, so a stored
 * session stays readable by {@code SessionData}, by the TypeScript SDK and by hand.
 *
 * @param data the session
 * @param version its version, 1 or more
 */
public record StoredSession(SessionData data, long version) {

	/** The JSON key holding the version beside the exported session's keys. */
	public static final String VERSION_KEY = "version";

	public StoredSession {
		if (version < 1) {
			throw new IllegalArgumentException("A stored session's version starts at 1, was " + version);
		}
	}

	/** @return the JSON form: the exported session's keys and {@code version} */
	public String toJson() {
		ObjectNode node = Json.MAPPER.valueToTree(this.data);
		node.put(VERSION_KEY, this.version);
		return Json.MAPPER.writeValueAsString(node);
	}

	/**
	 * Reads the JSON form. A plain exported session without {@code version} (for example written
	 * by the TypeScript SDK) reads as version 1.
	 * @param json the JSON text
	 * @return the stored session
	 * @throws MezonSessionException if the text is not a JSON object; the message holds no token
	 */
	public static StoredSession fromJson(String json) {
		try {
			JsonNode node = Json.MAPPER.readTree(json);
			if (node == null || !node.isObject()) {
				throw new MezonSessionException("Stored session is not a JSON object");
			}
			JsonNode version = node.get(VERSION_KEY);
			long v = (version != null && version.canConvertToLong()) ? Math.max(1, version.asLong()) : 1;
			return new StoredSession(Json.MAPPER.treeToValue(node, SessionData.class), v);
		}
		catch (JacksonException ex) {
			// The parser's message may quote the input, which holds tokens: keep only the type.
			throw new MezonSessionException("Stored session is not valid JSON (" + ex.getClass().getSimpleName() + ")");
		}
	}

	@Override
	public String toString() {
		return "StoredSession[version=" + this.version + ", data=" + this.data + "]";
	}

	/**
	 * Holds the mapper, so that only the JSON form initialises Jackson's data binding: the
	 * in-memory store creates a {@code StoredSession} on every save, at start-up included, and
	 * never needs JSON.
	 */
	private static final class Json {

		static final JsonMapper MAPPER = JsonMapper.shared();

	}

}
