-- Mezon light sessions (JdbcSessionStore). %TABLE_NAME% is replaced by the configured table name.
CREATE TABLE IF NOT EXISTS %TABLE_NAME% (
	session_key VARCHAR(255) NOT NULL PRIMARY KEY,
	token VARCHAR(8192) NOT NULL,
	refresh_token VARCHAR(8192) NOT NULL,
	api_url VARCHAR(2048) NOT NULL,
	ws_url VARCHAR(2048),
	user_id VARCHAR(32) NOT NULL,
	version BIGINT NOT NULL,
	refresh_expires_at TIMESTAMP WITH TIME ZONE,
	updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Delivery cursors (JdbcSessionStore as a DeliveryCursorStore): the last message delivered per channel.
CREATE TABLE IF NOT EXISTS %TABLE_NAME%_cursor (
	scope VARCHAR(255) NOT NULL,
	channel_id BIGINT NOT NULL,
	message_id BIGINT NOT NULL,
	updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
	PRIMARY KEY (scope, channel_id)
);

-- Joined channels (JdbcSessionStore as a JoinedChannelStore): the channels to join again after a restart.
-- channel_type is the wire type: 3 for a DM, 2 for a group.
CREATE TABLE IF NOT EXISTS %TABLE_NAME%_channel (
	scope VARCHAR(255) NOT NULL,
	channel_id BIGINT NOT NULL,
	channel_type INTEGER NOT NULL,
	updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
	PRIMARY KEY (scope, channel_id)
);
