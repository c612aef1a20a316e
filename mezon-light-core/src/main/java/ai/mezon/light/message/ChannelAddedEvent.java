package ai.mezon.light.message;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The server told this user it was added to a channel ({@code user_channel_added_event}), e.g. a
 * peer created a DM with it. With auto-join on (the default), the socket joins the channel first
 * when this user is among {@link #addedUserIds()}, and {@link #joined()} says whether it did.
 *
 * @param channelId the channel id
 * @param channelType DM or group, or {@code null} for a type this client does not speak
 * @param label the channel label, possibly empty
 * @param creatorId the creator's user id, possibly empty
 * @param memberIds the channel's member ids as described by the server
 * @param addedUserIds the users added by this event
 * @param joined whether the socket joined the channel because of this event
 */
public record ChannelAddedEvent(String channelId, @Nullable ChannelType channelType, String label, String creatorId,
		List<String> memberIds, List<String> addedUserIds, boolean joined) {

	public ChannelAddedEvent {
		memberIds = List.copyOf(memberIds);
		addedUserIds = List.copyOf(addedUserIds);
	}

	/**
	 * @param joined whether the channel was joined
	 * @return a copy with that flag
	 */
	public ChannelAddedEvent withJoined(boolean joined) {
		return new ChannelAddedEvent(this.channelId, this.channelType, this.label, this.creatorId, this.memberIds,
				this.addedUserIds, joined);
	}

}
