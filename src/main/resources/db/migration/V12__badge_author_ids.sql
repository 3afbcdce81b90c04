-- Issue 14: Capillary's schema types createdBy / lastUpdatedBy as integers, and clients generated from it cannot read
-- a name there. Badges now record the API user's id beside its name; the answer's createdBy is the id, the name
-- moves to createdByName. Older badges get the id of the user whose name they carry (usernames are unique); a badge
-- whose user was deleted keeps only the name (createdBy null).
ALTER TABLE badge_meta ADD COLUMN created_by_id BIGINT;
ALTER TABLE badge_meta ADD COLUMN last_updated_by_id BIGINT;
UPDATE badge_meta SET created_by_id = (SELECT u.id FROM api_user u WHERE u.username = badge_meta.created_by),
                      last_updated_by_id = (SELECT u.id FROM api_user u WHERE u.username = badge_meta.last_updated_by);
