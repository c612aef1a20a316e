package ai.mezon.light.internal.socket;

import com.google.protobuf.InvalidProtocolBufferException;

/**
 * What the first connect of a socket pays for once per JVM, done ahead of it: the class
 * initialisation of {@link Link}, which builds the JDK {@code HttpClient} that every socket shares
 * (its selector thread, the default {@code SSLContext}), and the generated protobuf classes of the
 * envelope (descriptors, parsers), by encoding and decoding one ping. Opens no connection. Called
 * by {@code ai.mezon.light.internal.Preload}; not API.
 */
public final class SocketPreload {

	private SocketPreload() {
	}

	/**
	 * Initialises the shared client and the envelope's classes; safe to call at any time, from any
	 * thread, concurrently with real sockets (class initialisation runs once, under the JVM's lock).
	 * @throws InvalidProtocolBufferException never in practice: the ping just encoded is decoded
	 */
	public static void run() throws InvalidProtocolBufferException {
		Link.sharedClient();
		EnvelopeCodec.decode(EnvelopeCodec.encode(FrameMapper.ping(), 1, false));
	}

}
