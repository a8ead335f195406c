-- Accord schema, version 3.
-- A person's bookings near a time (the scheduler's check of every
-- participant, the slot finder's week of each candidate) are read from the
-- index alone: it also holds when each booking ends and its session, so
-- the bookings that end before the window are passed over without reading
-- their rows.
DROP INDEX session_participant_by_person;
CREATE INDEX session_participant_by_person ON session_participant (person_id, starts_at, active, ends_at, session_id)
  WHERE person_id IS NOT NULL;
