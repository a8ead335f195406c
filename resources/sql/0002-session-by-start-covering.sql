-- Accord schema, version 2.
-- The sessions of a period by kind and status (the dashboard's hearings and
-- mediations by result, with its responsible-unit filter through case_id)
-- are counted from the index alone, without reading every session's row.
DROP INDEX session_by_start;
CREATE INDEX session_by_start ON session (starts_at, kind, status, case_id);
