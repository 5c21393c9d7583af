-- Claims of jobs by servers sharing one database (PostgreSQL): the token of the claim a server
-- holds, and until when (epoch milliseconds) it holds it unless renewed. NULL when unclaimed.
ALTER TABLE job ADD COLUMN claim_token VARCHAR(64);
ALTER TABLE job ADD COLUMN lease_until BIGINT;
