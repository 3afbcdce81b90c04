-- What the service keeps true of its data (issue 31), checked on a loaded history: each line PASS or FAIL.
SELECT CASE WHEN n = 0 THEN 'PASS' ELSE 'FAIL' END || ' standings: every customer_badge row equals its earns ('
       || n || ' differ)'
FROM (SELECT (SELECT COUNT(*)
              FROM (SELECT customer_id, badge_id, SUM(CASE WHEN revoked_on_ms IS NULL THEN 1 ELSE 0 END) AS earned,
                           MAX(CASE WHEN revoked_on_ms IS NULL THEN earned_on_ms END) AS last_on,
                           MAX(CASE WHEN revoked_on_ms IS NULL THEN earn_event_ms END) AS last_event,
                           MAX(CASE WHEN revoked_on_ms IS NULL THEN expires_on_ms END) AS last_expiry
                    FROM badge_earn GROUP BY customer_id, badge_id) e
              LEFT JOIN customer_badge c ON c.customer_id = e.customer_id AND c.badge_id = e.badge_id
              WHERE c.customer_id IS NULL OR c.earned <> e.earned OR c.last_earned_on_ms IS DISTINCT FROM e.last_on
                 OR c.last_event_ms IS DISTINCT FROM e.last_event OR c.last_expires_on_ms IS DISTINCT FROM e.last_expiry)
           + (SELECT COUNT(*) FROM customer_badge c WHERE NOT EXISTS (SELECT 1 FROM badge_earn e
              WHERE e.customer_id = c.customer_id AND e.badge_id = c.badge_id)) AS n) d;
SELECT CASE WHEN COUNT(*) = 0 THEN 'PASS' ELSE 'FAIL' END || ' counters: every badge''s counters sum to its active earns and enrolments ('
       || COUNT(*) || ' differ)'
FROM badge_meta b
WHERE (SELECT COALESCE(SUM(earned), 0) FROM badge_counter c WHERE c.badge_id = b.id)
      <> (SELECT COUNT(*) FROM badge_earn e WHERE e.badge_id = b.id AND e.revoked_on_ms IS NULL)
   OR (SELECT COALESCE(SUM(issued), 0) FROM badge_counter c WHERE c.badge_id = b.id)
      <> (SELECT COUNT(*) FROM badge_enrolment n WHERE n.badge_id = b.id AND n.revoked_on_ms IS NULL);
SELECT CASE WHEN COUNT(*) = 0 THEN 'PASS' ELSE 'FAIL' END || ' earns: each of a badge of its org, in its window, expiring after its event ('
       || COUNT(*) || ' not)'
FROM badge_earn e LEFT JOIN badge_meta b ON b.id = e.badge_id
WHERE b.id IS NULL OR e.org_id <> b.org_id OR e.earn_event_ms < b.start_on_ms OR e.earn_event_ms > b.expires_on_ms
   OR e.expires_on_ms < e.earn_event_ms OR b.earn_type <> 'EARN';
SELECT CASE WHEN COUNT(*) = 0 THEN 'PASS' ELSE 'FAIL' END || ' claims: every earn''s owner has an active claim of its badge ('
       || COUNT(*) || ' not)'
FROM (SELECT DISTINCT badge_id, owner_type, owner_reference_id FROM badge_earn) e
WHERE NOT EXISTS (SELECT 1 FROM badge_claim c WHERE c.badge_id = e.badge_id AND c.owner_type = e.owner_type
                  AND c.reference_id = e.owner_reference_id AND c.active);
SELECT CASE WHEN n = 0 THEN 'PASS' ELSE 'FAIL' END || ' activity customers: each customer''s row counts their activities and'
       || ' their latest, none waits for settling (' || n || ' differ; no retention has run)'
FROM (SELECT (SELECT COUNT(*)
              FROM (SELECT org_id, customer_id, COUNT(*) AS n, MAX(event_ms) AS last_event
                    FROM activity GROUP BY org_id, customer_id) a
              LEFT JOIN activity_customer c ON c.org_id = a.org_id AND c.customer_id = a.customer_id
              WHERE c.customer_id IS NULL OR c.activities <> a.n OR c.last_event_ms IS DISTINCT FROM a.last_event
                 OR c.unsettled_since_ms IS NOT NULL)
           + (SELECT COUNT(*) FROM activity_customer c WHERE c.activities <> 0 AND NOT EXISTS (SELECT 1
              FROM activity a WHERE a.org_id = c.org_id AND a.customer_id = c.customer_id)) AS n) d;
SELECT 'INFO ' || COUNT(*) || ' earns, ' || COUNT(DISTINCT customer_id) || ' customers' FROM badge_earn;
SELECT 'INFO ' || COUNT(*) || ' activities, ' || COUNT(DISTINCT customer_id) || ' customers' FROM activity;
