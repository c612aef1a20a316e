package ai.mezon.light.message;

import java.util.List;

/**
 * A DM or group DM as the server describes it after creating it.
 *
 * @param channelId the channel id
 * @param type DM or group
 * @param userIds the members other than the creator, as the server lists them
 * @param label the channel label, possibly empty
 * @param creatorId the creator's user id, or empty
 */
public record MezonChannel(String channelId, ChannelType type, List<String> userIds, String label, String creatorId) {

	public MezonChannel {
		userIds = List.copyOf(userIds);
	}

}
