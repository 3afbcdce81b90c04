-- Issue 31: the console's chart counted all of today's earns on every view (an org earning 200,000 a day read them
-- all again each time). A day's kept count may now cover the day only up to counted_until_ms (today up to an hour
-- ago); the rest is counted on the view. NULL: the whole day, as every row V20 kept. Instant at any size.
ALTER TABLE earn_day_tally ADD COLUMN counted_until_ms BIGINT;
