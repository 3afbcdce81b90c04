-- Issue 15: a rejected row keeps the field its error names (the REST answer's "reference"), so a file's reject
-- can be compared with the REST answer for the same body, code and field both. Null when the error names none.
ALTER TABLE import_reject ADD COLUMN reference VARCHAR(200);
