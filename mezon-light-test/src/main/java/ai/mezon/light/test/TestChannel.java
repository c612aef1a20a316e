package ai.mezon.light.test;

import java.util.Set;

import ai.mezon.light.message.ChannelType;

/**
 * A DM or group DM held by the test server.
 *
 * @param id the channel id
 * @param type DM or group
 * @param creatorId the creator
 * @param memberIds every member, creator included
 * @param label the channel label
 */
public record TestChannel(long id, ChannelType type, long creatorId, Set<Long> memberIds, String label) {

	public TestChannel {
		memberIds = Set.copyOf(memberIds);
	}

	/** @return the id as the SDK's API shows it (a decimal string) */
	public String idString() {
		return Long.toString(this.id);
	}

	/**
	 * @param userId a user id
	 * @return whether the user is a member
	 */
	public boolean hasMember(long userId) {
		return this.memberIds.contains(userId);
	}

}
