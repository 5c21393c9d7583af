-- Changes to a job's problem (JSON Patch): problem_json is the problem with every change applied and
-- problem_revision counts the changes; checkpoint_revision is the revision the stored plan answers.
-- parent_id names the job a re-planned job was made from.
ALTER TABLE job ADD COLUMN problem_revision BIGINT NOT NULL DEFAULT 0;
ALTER TABLE job ADD COLUMN checkpoint_revision BIGINT;
ALTER TABLE job ADD COLUMN parent_id VARCHAR(64);
