-- Spring Integration's JdbcLockRegistry table (DefaultLockRepository), as in Spring Integration 7's
-- schema-postgresql.sql, alone. %PREFIX% is replaced by mezon.instances.jdbc.table-prefix.
CREATE TABLE IF NOT EXISTS %PREFIX%LOCK (
	LOCK_KEY CHAR(36) NOT NULL,
	REGION VARCHAR(100) NOT NULL,
	CLIENT_ID CHAR(36),
	CREATED_DATE TIMESTAMP NOT NULL,
	EXPIRED_AFTER TIMESTAMP NOT NULL,
	CONSTRAINT %PREFIX%LOCK_PK PRIMARY KEY (LOCK_KEY, REGION)
);
