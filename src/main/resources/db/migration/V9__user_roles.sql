-- Roles replace the global admin flag, which made an org's admin an admin of every org (issue 9).
-- PLATFORM_OPERATOR manages orgs and every org's users; ORG_ADMIN manages its own org's users; USER calls the API.
-- Admins of the first (bootstrap) org become operators; admins created in any other org become that org's admin.
ALTER TABLE api_user ADD COLUMN role VARCHAR(20) DEFAULT 'USER' NOT NULL;
UPDATE api_user SET role = 'ORG_ADMIN' WHERE is_admin = TRUE;
UPDATE api_user SET role = 'PLATFORM_OPERATOR' WHERE is_admin = TRUE AND org_id = (SELECT MIN(id) FROM org);
ALTER TABLE api_user DROP COLUMN is_admin;

-- A disabled user keeps its row (and its name) but cannot log in.
ALTER TABLE api_user ADD COLUMN disabled BOOLEAN DEFAULT FALSE NOT NULL;

-- Usernames compare case-insensitively: 'ADMIN' beside 'admin' was accepted. The key is the lower-cased name;
-- should older rows already collide, every row but the first gets a key no login can produce, so the first keeps
-- its name and the others must be renamed by recreating them.
ALTER TABLE api_user ADD COLUMN username_key VARCHAR(130);
UPDATE api_user SET username_key = LOWER(username);
UPDATE api_user SET username_key = LOWER(username) || ':' || CAST(id AS VARCHAR(20))
    WHERE EXISTS (SELECT 1 FROM api_user first
                  WHERE LOWER(first.username) = LOWER(api_user.username) AND first.id < api_user.id);
ALTER TABLE api_user ALTER COLUMN username_key SET NOT NULL;
CREATE UNIQUE INDEX uq_api_user_username_key ON api_user (username_key);
CREATE INDEX ix_api_user_org ON api_user (org_id, id);
