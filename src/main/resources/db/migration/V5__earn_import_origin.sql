-- Which import line created an earn. After a crash an import may meet an earn it wrote itself (an embedded H2
-- can keep a row of the interrupted chunk); by its origin it counts that row as earned, not as a duplicate.
ALTER TABLE badge_earn ADD COLUMN import_id VARCHAR(24);
ALTER TABLE badge_earn ADD COLUMN import_line BIGINT;
