package ai.mezon.light.test.internal;

import java.util.Comparator;
import java.util.List;

import ai.mezon.light.Ids;
import ai.mezon.light.message.HistoryDirection;
import ai.mezon.light.proto.api.ChannelMessage;
import ai.mezon.light.proto.api.ListChannelMessagesRequest;
import ai.mezon.light.test.TestChannel;
import ai.mezon.light.test.internal.rest.ChannelHistory;

/**
 * {@code ListChannelMessages} over the messages the socket side accepted ({@link ServerState}),
 * each in its latest version (edited: code 1; deleted: code 2, no content). Ids are snowflakes that
 * grow with time, so "older" and "newer" are id comparisons:
 * <ul>
 * <li>no anchor: the latest {@code limit} messages (whatever the direction);</li>
 * <li>1, older: up to {@code limit} messages with a smaller id, the closest ones;</li>
 * <li>2, newer: up to {@code limit} messages with a larger id, the closest ones;</li>
 * <li>3, around: the anchor with up to {@code limit / 2} older and the rest newer.</li>
 * </ul>
 * Always answered oldest first. A limit of 0 means 50, as Mezon's default page. The anchor need
 * not exist (e.g. a deleted or unknown id): it is only a position.
 */
public final class StateChannelHistory implements ChannelHistory {

	/** The page size when the request asks for 0. */
	static final int DEFAULT_LIMIT = 50;

	private final ServerState state;

	public StateChannelHistory(ServerState state) {
		this.state = state;
	}

	@Override
	public List<ChannelMessage> messages(TestChannel channel, ListChannelMessagesRequest request) {
		List<ChannelMessage> all = this.state.messages(channel.id())
			.stream()
			.sorted(Comparator.comparingLong(ChannelMessage::getMessageId))
			.toList();
		int limit = (request.getLimit() > 0) ? request.getLimit() : DEFAULT_LIMIT;
		long anchor = request.getMessageId();
		if (anchor == 0) {
			return last(all, limit);
		}
		List<ChannelMessage> older = all.stream().filter((message) -> message.getMessageId() < anchor).toList();
		List<ChannelMessage> newer = all.stream().filter((message) -> message.getMessageId() > anchor).toList();
		return switch (direction(request.getDirection())) {
			case BEFORE -> last(older, limit);
			case AFTER -> newer.subList(0, Math.min(limit, newer.size()));
			case AROUND -> {
				List<ChannelMessage> at = all.stream().filter((message) -> message.getMessageId() == anchor).toList();
				int before = Math.min(older.size(), limit / 2);
				List<ChannelMessage> result = new java.util.ArrayList<>(last(older, before));
				result.addAll(at);
				int after = Math.max(0, limit - result.size());
				result.addAll(newer.subList(0, Math.min(after, newer.size())));
				yield List.copyOf(result);
			}
		};
	}

	private static HistoryDirection direction(int wireValue) {
		try {
			return HistoryDirection.ofWireValue(wireValue);
		}
		catch (IllegalArgumentException ex) {
			// 0 (unset) and unknown values read as "older", the web client's default.
			return HistoryDirection.BEFORE;
		}
	}

	private static List<ChannelMessage> last(List<ChannelMessage> messages, int limit) {
		return messages.subList(Math.max(0, messages.size() - limit), messages.size());
	}

}
