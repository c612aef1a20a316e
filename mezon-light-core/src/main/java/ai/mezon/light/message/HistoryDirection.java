package ai.mezon.light.message;

import ai.mezon.light.LightClient;

/**
 * Which messages {@link LightClient#listChannelMessages} returns relative to its anchor message.
 *
 * <p>The wire values are those of Mezon's web client; they are not documented publicly
 * (PROTOCOL.md §2), so this enum is the one place that knows them.
 */
public enum HistoryDirection {

	/** Messages older than the anchor (or the latest ones, without an anchor). */
	BEFORE(1),

	/** Messages newer than the anchor. */
	AFTER(2),

	/** Messages around the anchor. */
	AROUND(3);

	private final int wireValue;

	HistoryDirection(int wireValue) {
		this.wireValue = wireValue;
	}

	/** @return the {@code direction} value of {@code ListChannelMessagesRequest} */
	public int wireValue() {
		return this.wireValue;
	}

	/**
	 * @param wireValue a {@code direction} value from the wire
	 * @return the direction
	 * @throws IllegalArgumentException for an unknown value
	 */
	public static HistoryDirection ofWireValue(int wireValue) {
		for (HistoryDirection direction : values()) {
			if (direction.wireValue == wireValue) {
				return direction;
			}
		}
		throw new IllegalArgumentException("Unknown history direction " + wireValue);
	}

}
