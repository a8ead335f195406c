-- Accord schema, version 1.
-- Instants are Unix seconds (UTC); calendar dates are 'YYYY-MM-DD'; money is whole fen.

CREATE TABLE setting (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

-- Forms being filled in, kept while the recorder types so that nothing is
-- lost when the window closes mid-entry; not records, so not audited.
CREATE TABLE draft (
  key      TEXT PRIMARY KEY,
  content  TEXT NOT NULL,
  saved_at INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE petitioner (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  id_number  TEXT CHECK (id_number IS NULL OR length(id_number) = 18),
  phone      TEXT,
  address    TEXT,
  version    INTEGER NOT NULL DEFAULT 1,
  created_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX petitioner_by_id_number ON petitioner (id_number) WHERE id_number IS NOT NULL;

CREATE TABLE case_number_counter (
  year INTEGER PRIMARY KEY,
  last INTEGER NOT NULL
);

CREATE TABLE "case" (
  id                 INTEGER PRIMARY KEY,
  number             TEXT NOT NULL UNIQUE,
  year               INTEGER NOT NULL,
  seq                INTEGER NOT NULL,
  title              TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  summary            TEXT NOT NULL DEFAULT '' CHECK (length(summary) <= 100000),
  category           TEXT NOT NULL,
  channel            TEXT NOT NULL CHECK (channel IN ('letter', 'visit', 'online', 'phone', 'fax')),
  status             TEXT NOT NULL DEFAULT 'registered'
                     CHECK (status IN ('registered', 'accepted', 'declined', 'assigned', 'replied',
                                       'review', 'reviewed', 're_review', 'terminated')),
  received_on        TEXT NOT NULL,
  accepted_on        TEXT,
  declined_on        TEXT,
  decline_reason     TEXT,
  assigned_on        TEXT,
  replied_on         TEXT,
  opinion            TEXT CHECK (opinion IN ('support', 'explain', 'not_support')),
  review_requested_on    TEXT,
  reviewed_on            TEXT,
  review_opinion         TEXT CHECK (review_opinion IN ('support', 'explain', 'not_support')),
  re_review_requested_on TEXT,
  terminated_on          TEXT,
  re_review_opinion      TEXT CHECK (re_review_opinion IN ('support', 'explain', 'not_support')),
  collective         INTEGER NOT NULL DEFAULT 0 CHECK (collective IN (0, 1)),
  repeat             INTEGER NOT NULL DEFAULT 0 CHECK (repeat IN (0, 1)),
  cross_level        INTEGER NOT NULL DEFAULT 0 CHECK (cross_level IN (0, 1)),
  litigation_related INTEGER NOT NULL DEFAULT 0 CHECK (litigation_related IN (0, 1)),
  responsible_unit   TEXT,
  leader             TEXT,
  investigator       TEXT,
  evaluation         TEXT CHECK (evaluation IN ('satisfied', 'basically_satisfied', 'dissatisfied')),
  -- Derived from the deadline rules whenever the case changes, so that the
  -- indicators and the reminder planner are index range queries.
  accept_due         TEXT,
  reply_due          TEXT,
  next_step          TEXT,
  next_due           TEXT,
  version            INTEGER NOT NULL DEFAULT 1,
  created_at         INTEGER NOT NULL,
  updated_at         INTEGER NOT NULL,
  UNIQUE (year, seq),
  CHECK (status <> 'declined' OR length(decline_reason) > 0)
);
-- The case list filters by status or category in order of receipt, and
-- sorts by the next deadline (the expression must match the store's DUE_KEY).
CREATE INDEX case_by_status ON "case" (status, received_on);
CREATE INDEX case_by_category ON "case" (category, received_on);
CREATE INDEX case_by_due_order ON "case" (ifnull (next_due, '9999-12-31'));
-- The indicators count over date ranges: these indexes cover every column
-- they read, so a year of a large register is counted without the table.
-- The id after the date also serves the case list's order of receipt.
CREATE INDEX case_by_received ON "case" (received_on, id, leader, status, evaluation, responsible_unit);
CREATE INDEX case_by_accept_due ON "case" (accept_due, accepted_on, declined_on, responsible_unit);
CREATE INDEX case_by_reply_due ON "case" (reply_due, replied_on, responsible_unit);
CREATE INDEX case_by_replied ON "case" (replied_on, evaluation, responsible_unit);
CREATE INDEX case_by_next_due ON "case" (next_due) WHERE next_due IS NOT NULL;
-- The dashboard lists the responsible units (one seek per unit) and a
-- unit's overdue cases.
CREATE INDEX case_by_unit ON "case" (responsible_unit, next_due);

-- Approved extensions of a step's period (DOMAIN.md §2).
CREATE TABLE case_extension (
  id         INTEGER PRIMARY KEY,
  case_id    INTEGER NOT NULL REFERENCES "case" (id) ON DELETE CASCADE,
  step       TEXT NOT NULL,
  days       INTEGER NOT NULL CHECK (days > 0),
  approver   TEXT NOT NULL CHECK (length(approver) > 0),
  reason     TEXT NOT NULL CHECK (length(reason) > 0),
  granted_at INTEGER NOT NULL
);
CREATE INDEX case_extension_by_case ON case_extension (case_id);

CREATE TABLE case_petitioner (
  case_id       INTEGER NOT NULL REFERENCES "case" (id) ON DELETE CASCADE,
  petitioner_id INTEGER NOT NULL REFERENCES petitioner (id) ON DELETE RESTRICT,
  position      INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (case_id, petitioner_id)
) WITHOUT ROWID;
CREATE INDEX case_petitioner_by_petitioner ON case_petitioner (petitioner_id);

-- Search over number, title, summary and petitioner names; rowid = case id.
-- Each column ends with two spaces, so that every one- or two-character
-- string in the text begins some trigram: short queries look those
-- trigrams up in the vocabulary instead of scanning every row.
CREATE VIRTUAL TABLE case_search USING fts5 (number, title, summary, petitioners,
                                            tokenize = 'trigram');
CREATE VIRTUAL TABLE case_search_terms USING fts5vocab (case_search, 'row');

CREATE TABLE person (
  id           INTEGER PRIMARY KEY,
  name         TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  organisation TEXT,
  phone        TEXT,
  active       INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  version      INTEGER NOT NULL DEFAULT 1,
  created_at   INTEGER NOT NULL
);

CREATE TABLE person_role (
  person_id INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  role      TEXT NOT NULL CHECK (role IN ('lawyer', 'legal_worker', 'psychologist', 'npc_deputy',
                                          'cppcc_member', 'party_delegate', 'mediator',
                                          'department_rep', 'expert', 'community_rep', 'notable',
                                          'officer')),
  PRIMARY KEY (person_id, role)
) WITHOUT ROWID;
CREATE INDEX person_role_by_role ON person_role (role, person_id);

-- Weekly pattern rows (weekday 1 = Monday .. 7, minutes from midnight, local time) and dated
-- absences (instants).
CREATE TABLE availability (
  id           INTEGER PRIMARY KEY,
  person_id    INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  kind         TEXT NOT NULL CHECK (kind IN ('weekly', 'absence')),
  weekday      INTEGER CHECK (weekday BETWEEN 1 AND 7),
  start_minute INTEGER CHECK (start_minute BETWEEN 0 AND 1440),
  end_minute   INTEGER CHECK (end_minute BETWEEN 0 AND 1440),
  starts_at    INTEGER,
  ends_at      INTEGER,
  reason       TEXT,
  CHECK (kind <> 'weekly' OR (weekday IS NOT NULL AND end_minute > start_minute)),
  CHECK (kind <> 'absence' OR (starts_at IS NOT NULL AND ends_at > starts_at))
);
CREATE INDEX availability_by_person ON availability (person_id, kind);
CREATE INDEX absence_by_time ON availability (starts_at) WHERE kind = 'absence';

CREATE TABLE interest (
  id            INTEGER PRIMARY KEY,
  person_id     INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  case_id       INTEGER REFERENCES "case" (id) ON DELETE CASCADE,
  petitioner_id INTEGER REFERENCES petitioner (id) ON DELETE CASCADE,
  note          TEXT,
  CHECK (case_id IS NOT NULL OR petitioner_id IS NOT NULL)
);
CREATE INDEX interest_by_person ON interest (person_id);
CREATE INDEX interest_by_case ON interest (case_id);
CREATE INDEX interest_by_petitioner ON interest (petitioner_id);

CREATE TABLE venue (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 100),
  capacity   INTEGER NOT NULL CHECK (capacity > 0),
  address    TEXT,
  active     INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  version    INTEGER NOT NULL DEFAULT 1,
  created_at INTEGER NOT NULL
);

CREATE TABLE session (
  id              INTEGER PRIMARY KEY,
  case_id         INTEGER NOT NULL REFERENCES "case" (id) ON DELETE RESTRICT,
  kind            TEXT NOT NULL CHECK (kind IN ('hearing', 'mediation', 'joint_reception',
                                                'follow_up')),
  starts_at       INTEGER NOT NULL,
  ends_at         INTEGER NOT NULL,
  venue_id        INTEGER REFERENCES venue (id) ON DELETE RESTRICT,
  status          TEXT NOT NULL DEFAULT 'planned'
                  CHECK (status IN ('planned', 'notified', 'held', 'adjourned', 'cancelled')),
  public          INTEGER NOT NULL DEFAULT 1 CHECK (public IN (0, 1)),
  notice_date     TEXT,
  override_reason TEXT,
  notes           TEXT,
  version         INTEGER NOT NULL DEFAULT 1,
  created_at      INTEGER NOT NULL,
  CHECK (ends_at > starts_at)
);
CREATE INDEX session_by_start ON session (starts_at);
CREATE INDEX session_by_case ON session (case_id);
CREATE INDEX session_by_venue ON session (venue_id, starts_at) WHERE status <> 'cancelled';

CREATE TABLE session_participant (
  id            INTEGER PRIMARY KEY,
  session_id    INTEGER NOT NULL REFERENCES session (id) ON DELETE CASCADE,
  person_id     INTEGER REFERENCES person (id) ON DELETE RESTRICT,
  petitioner_id INTEGER REFERENCES petitioner (id) ON DELETE RESTRICT,
  role          TEXT NOT NULL CHECK (role IN ('presider', 'panelist', 'recorder', 'mediator',
                                              'lawyer', 'psychologist', 'deputy',
                                              'department_rep', 'witness', 'observer',
                                              'petitioner', 'agent')),
  attendance    TEXT NOT NULL DEFAULT 'expected'
                CHECK (attendance IN ('expected', 'present', 'absent', 'excused')),
  vote          TEXT CHECK (vote IN ('support', 'oppose', 'abstain')),
  vote_comment  TEXT,
  -- Copies of the session's times and whether it still takes place, so that
  -- a person's bookings are one index range away.
  starts_at     INTEGER NOT NULL,
  ends_at       INTEGER NOT NULL,
  active        INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  CHECK ((person_id IS NULL) <> (petitioner_id IS NULL))
);
CREATE INDEX session_participant_by_session ON session_participant (session_id);
CREATE UNIQUE INDEX session_participant_person ON session_participant (session_id, person_id)
  WHERE person_id IS NOT NULL;
CREATE UNIQUE INDEX session_participant_petitioner ON session_participant (session_id, petitioner_id)
  WHERE petitioner_id IS NOT NULL;
CREATE INDEX session_participant_by_person ON session_participant (person_id, starts_at, active)
  WHERE person_id IS NOT NULL;
CREATE INDEX session_participant_by_petitioner ON session_participant (petitioner_id, starts_at)
  WHERE petitioner_id IS NOT NULL;
-- The dashboard's panelist workload: a period's panelists without the table.
CREATE INDEX session_participant_by_panelist ON session_participant (role, starts_at, active, person_id, session_id)
  WHERE role = 'panelist';

CREATE TABLE outcome (
  id             INTEGER PRIMARY KEY,
  session_id     INTEGER NOT NULL UNIQUE REFERENCES session (id) ON DELETE RESTRICT,
  result         TEXT NOT NULL CHECK (result IN ('agreement', 'partial', 'no_agreement',
                                                 'adjourned', 'withdrawn')),
  opinion        TEXT,
  votes_support  INTEGER NOT NULL DEFAULT 0 CHECK (votes_support >= 0),
  votes_oppose   INTEGER NOT NULL DEFAULT 0 CHECK (votes_oppose >= 0),
  votes_abstain  INTEGER NOT NULL DEFAULT 0 CHECK (votes_abstain >= 0),
  minutes        TEXT,
  facts          TEXT,
  follow_up_on   TEXT,
  version        INTEGER NOT NULL DEFAULT 1,
  recorded_at    INTEGER NOT NULL
);

CREATE TABLE outcome_term (
  id         INTEGER PRIMARY KEY,
  outcome_id INTEGER NOT NULL REFERENCES outcome (id) ON DELETE CASCADE,
  position   INTEGER NOT NULL DEFAULT 0,
  party      TEXT NOT NULL,
  obligation TEXT NOT NULL,
  amount_fen INTEGER CHECK (amount_fen >= 0),
  due_on     TEXT,
  performed  INTEGER NOT NULL DEFAULT 0 CHECK (performed IN (0, 1))
);
CREATE INDEX outcome_term_by_outcome ON outcome_term (outcome_id);

CREATE TABLE document (
  id           INTEGER PRIMARY KEY,
  kind         TEXT NOT NULL CHECK (kind IN ('hearing_notice', 'hearing_minutes',
                                               'hearing_opinion', 'mediation_agreement',
                                               'closure_commitment',
                                               'non_repetition_agreement')),
  case_id      INTEGER NOT NULL REFERENCES "case" (id) ON DELETE RESTRICT,
  session_id   INTEGER REFERENCES session (id) ON DELETE RESTRICT,
  number       TEXT UNIQUE,
  content      TEXT NOT NULL DEFAULT '{}',
  pdf          BLOB,
  sha256       TEXT,
  signed_pdf   BLOB,
  signed_sha256 TEXT,
  status       TEXT NOT NULL DEFAULT 'draft'
               CHECK (status IN ('draft', 'issued', 'signed', 'void')),
  void_reason  TEXT,
  issued_at    INTEGER,
  version      INTEGER NOT NULL DEFAULT 1,
  created_at   INTEGER NOT NULL
);
CREATE INDEX document_by_case ON document (case_id);

CREATE TABLE document_number_counter (
  year INTEGER PRIMARY KEY,
  last INTEGER NOT NULL
);

CREATE TABLE signature (
  id          INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES document (id) ON DELETE RESTRICT,
  signer      TEXT NOT NULL,
  role        TEXT NOT NULL,
  strokes     TEXT NOT NULL,
  signed_at   INTEGER NOT NULL,
  UNIQUE (document_id, signer)
);
CREATE INDEX signature_by_document ON signature (document_id);

-- Working-calendar files imported by the bureau, applied in order over the
-- years shipped with Accord.
CREATE TABLE calendar_file (
  id          INTEGER PRIMARY KEY,
  text        TEXT NOT NULL,
  imported_at INTEGER NOT NULL
);

CREATE TABLE reminder_sent (
  key     TEXT PRIMARY KEY,
  sent_at INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE audit (
  id        INTEGER PRIMARY KEY,
  at        INTEGER NOT NULL,
  actor     TEXT NOT NULL,
  action    TEXT NOT NULL,
  entity    TEXT NOT NULL,
  entity_id INTEGER,
  details   TEXT NOT NULL DEFAULT '{}',
  prev_hash TEXT NOT NULL,
  hash      TEXT NOT NULL
);
-- A case's timeline reads its entries.
CREATE INDEX audit_by_entity ON audit (entity, entity_id);

-- Identifies this database in calendar UIDs and document verification.
INSERT INTO setting (key, value) VALUES ('database_id', lower (hex (randomblob (16))));
