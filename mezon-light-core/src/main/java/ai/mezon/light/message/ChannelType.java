package ai.mezon.light.message;

/**
 * The channel kinds the light client speaks, with their wire constants (PROTOCOL.md §2 and §4).
 */
public enum ChannelType {

	/** A direct message between two users: channel type 3, stream mode 4. */
	DM(3, 4),

	/** A group direct message: channel type 2, stream mode 3. */
	GROUP(2, 3);

	private final int wireType;

	private final int streamMode;

	ChannelType(int wireType, int streamMode) {
		this.wireType = wireType;
		this.streamMode = streamMode;
	}

	/** @return the {@code type} / {@code channel_type} value on the wire */
	public int wireType() {
		return this.wireType;
	}

	/** @return the {@code mode} value of messages in such a channel */
	public int streamMode() {
		return this.streamMode;
	}

	/**
	 * @param wireType a channel type from the wire
	 * @return the kind
	 * @throws IllegalArgumentException for a type the light client does not speak
	 */
	public static ChannelType ofWireType(int wireType) {
		for (ChannelType type : values()) {
			if (type.wireType == wireType) {
				return type;
			}
		}
		throw new IllegalArgumentException("Unsupported channel type " + wireType);
	}

	/**
	 * @param mode a message stream mode from the wire
	 * @return the kind
	 * @throws IllegalArgumentException for a mode the light client does not speak
	 */
	public static ChannelType ofStreamMode(int mode) {
		for (ChannelType type : values()) {
			if (type.streamMode == mode) {
				return type;
			}
		}
		throw new IllegalArgumentException("Unsupported stream mode " + mode);
	}

}
