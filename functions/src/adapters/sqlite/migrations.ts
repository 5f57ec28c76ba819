import { accessRequestBackfillSql, deadlineBackfillSql } from './deadline-backfill.js';

/**
 * Schema migrations, applied in order inside one transaction each; `PRAGMA user_version`
 * records how far a database has come. Append new steps; never edit an applied one.
 */
export const migrations: string[] = [
  `
  CREATE TABLE units (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    parent_id TEXT REFERENCES units(id)
  );
  CREATE TABLE people (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    email TEXT NOT NULL,
    title TEXT NOT NULL,
    unit_id TEXT NOT NULL REFERENCES units(id),
    roles TEXT NOT NULL,
    leader_id TEXT REFERENCES people(id)
  );
  CREATE TABLE procedures (
    id TEXT PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    level TEXT NOT NULL CHECK (level IN ('management', 'core', 'support')),
    area TEXT NOT NULL,
    unit_id TEXT REFERENCES units(id),
    owner_id TEXT NOT NULL REFERENCES people(id),
    approver_id TEXT NOT NULL REFERENCES people(id),
    audience TEXT NOT NULL,
    review_interval_months INTEGER NOT NULL CHECK (review_interval_months BETWEEN 1 AND 120),
    standards TEXT NOT NULL,
    legal_basis TEXT NOT NULL,
    current_version_id TEXT,
    draft_version_id TEXT,
    approved_on TEXT,
    last_reviewed_on TEXT,
    next_review_on TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    etag INTEGER NOT NULL
  );
  CREATE INDEX procedures_level_area ON procedures(level, area, code);
  CREATE INDEX procedures_owner ON procedures(owner_id);
  CREATE INDEX procedures_unit ON procedures(unit_id);
  CREATE INDEX procedures_next_review ON procedures(next_review_on);
  CREATE TABLE versions (
    id TEXT PRIMARY KEY,
    procedure_id TEXT NOT NULL REFERENCES procedures(id),
    state TEXT NOT NULL CHECK (state IN ('draft', 'pending', 'published', 'obsolete')),
    major INTEGER,
    minor INTEGER,
    kind TEXT,
    author_id TEXT NOT NULL REFERENCES people(id),
    file_ref TEXT NOT NULL,
    file_name TEXT NOT NULL,
    media_type TEXT NOT NULL,
    size INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    text TEXT NOT NULL,
    html TEXT NOT NULL,
    change_summary TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    published_at TEXT,
    approved_by TEXT,
    superseded_by TEXT,
    obsolete_at TEXT
  );
  CREATE INDEX versions_procedure ON versions(procedure_id, created_at);
  CREATE TABLE approvals (
    id TEXT PRIMARY KEY,
    procedure_id TEXT NOT NULL REFERENCES procedures(id),
    version_id TEXT NOT NULL REFERENCES versions(id),
    requested_by TEXT NOT NULL,
    requested_at TEXT NOT NULL,
    approver_id TEXT NOT NULL REFERENCES people(id),
    change_summary TEXT NOT NULL,
    kind TEXT NOT NULL,
    decision TEXT CHECK (decision IN ('approved', 'rejected', 'withdrawn')),
    decided_by TEXT,
    decided_at TEXT,
    comment TEXT
  );
  CREATE INDEX approvals_procedure ON approvals(procedure_id);
  CREATE INDEX approvals_version ON approvals(version_id);
  CREATE INDEX approvals_open ON approvals(approver_id) WHERE decision IS NULL;
  CREATE TABLE reviews (
    id TEXT PRIMARY KEY,
    procedure_id TEXT NOT NULL REFERENCES procedures(id),
    reviewer_id TEXT NOT NULL,
    outcome TEXT NOT NULL,
    comment TEXT,
    reviewed_at TEXT NOT NULL,
    due_on TEXT,
    next_review_on TEXT
  );
  CREATE INDEX reviews_procedure ON reviews(procedure_id);
  CREATE TABLE acknowledgement_requests (
    procedure_id TEXT NOT NULL,
    version_id TEXT NOT NULL REFERENCES versions(id),
    person_id TEXT NOT NULL REFERENCES people(id),
    requested_at TEXT NOT NULL,
    PRIMARY KEY (version_id, person_id)
  );
  CREATE INDEX acknowledgement_requests_person ON acknowledgement_requests(person_id);
  CREATE TABLE acknowledgements (
    procedure_id TEXT NOT NULL,
    version_id TEXT NOT NULL REFERENCES versions(id),
    person_id TEXT NOT NULL REFERENCES people(id),
    acknowledged_at TEXT NOT NULL,
    PRIMARY KEY (version_id, person_id)
  );
  CREATE INDEX acknowledgements_person ON acknowledgements(person_id);
  CREATE TABLE audit_trail (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    actor_id TEXT NOT NULL,
    action TEXT NOT NULL,
    procedure_id TEXT,
    subject_id TEXT NOT NULL,
    summary TEXT NOT NULL,
    details TEXT NOT NULL
  );
  CREATE INDEX audit_trail_procedure ON audit_trail(procedure_id, seq);
  CREATE TRIGGER audit_trail_is_append_only_update BEFORE UPDATE ON audit_trail
    BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
  CREATE TRIGGER audit_trail_is_append_only_delete BEFORE DELETE ON audit_trail
    BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
  CREATE VIRTUAL TABLE procedure_search USING fts5(
    code, title, metadata, body,
    tokenize = 'unicode61 remove_diacritics 0'
  );
  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  `,
  `
  -- Indexes for the handbook list's sort keys (measured in bench/: sorting 5,000 rows without them
  -- cost 4-5 ms a request).
  CREATE INDEX procedures_title ON procedures(lower(title), code);
  CREATE INDEX procedures_updated ON procedures(updated_at);
  CREATE INDEX procedures_draft ON procedures(draft_version_id) WHERE draft_version_id IS NOT NULL;
  `,
  `
  -- Substring search inside compound words ("tilsyn" in "miljøtilsyn"), filled from the word index.
  CREATE VIRTUAL TABLE procedure_substring_search USING fts5(title, body, tokenize = 'trigram');
  INSERT INTO procedure_substring_search (rowid, title, body) SELECT rowid, title, body FROM procedure_search;
  `,
  `
  -- Chat: where the bot reaches a person, the reminder ledger, the sweep lease and the local outbox.
  ALTER TABLE people ADD COLUMN aad_object_id TEXT;
  CREATE UNIQUE INDEX people_aad_object_id ON people(aad_object_id) WHERE aad_object_id IS NOT NULL;
  CREATE TABLE conversations (
    person_id TEXT PRIMARY KEY REFERENCES people(id),
    conversation_id TEXT NOT NULL,
    service_url TEXT NOT NULL,
    tenant_id TEXT,
    user_aad_object_id TEXT NOT NULL,
    locale TEXT NOT NULL,
    installed_at TEXT NOT NULL
  );
  CREATE TABLE reminder_ledger (
    key TEXT PRIMARY KEY,
    recipient_id TEXT NOT NULL,
    stage TEXT NOT NULL,
    subject_id TEXT NOT NULL,
    due_on TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('claimed', 'sent')),
    run_id TEXT NOT NULL,
    claimed_at TEXT NOT NULL,
    sent_at TEXT,
    message_id TEXT
  );
  CREATE INDEX reminder_ledger_run ON reminder_ledger(run_id) WHERE state = 'claimed';
  CREATE TABLE sweep_lease (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    run_id TEXT NOT NULL,
    expires_at TEXT NOT NULL
  );
  CREATE TABLE outbox (
    id TEXT PRIMARY KEY,
    recipient_id TEXT NOT NULL,
    card TEXT NOT NULL,
    summary TEXT NOT NULL,
    sent_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE INDEX outbox_recipient ON outbox(recipient_id, sent_at);
  `,
  `
  -- Competence management (ISO 9001 7.2). Scope and evidence are small JSON values, read whole.
  CREATE TABLE competences (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    category TEXT NOT NULL,
    description TEXT NOT NULL,
    validity_months INTEGER
  );
  CREATE TABLE competence_requirements (
    id TEXT PRIMARY KEY,
    competence_id TEXT NOT NULL,
    scope TEXT NOT NULL,
    min_people INTEGER NOT NULL,
    min_level INTEGER NOT NULL CHECK (min_level BETWEEN 0 AND 4)
  );
  CREATE TABLE person_competences (
    person_id TEXT NOT NULL,
    competence_id TEXT NOT NULL,
    level INTEGER NOT NULL CHECK (level BETWEEN 0 AND 4),
    evidence TEXT,
    valid_until TEXT,
    assessment TEXT NOT NULL CHECK (assessment IN ('self', 'confirmed')),
    confirmed_by TEXT,
    PRIMARY KEY (person_id, competence_id)
  );
  CREATE TABLE external_coverage (
    id TEXT PRIMARY KEY,
    requirement_id TEXT NOT NULL,
    supplier TEXT NOT NULL,
    decided_on TEXT NOT NULL,
    decided_by TEXT NOT NULL,
    contract_end TEXT,
    note TEXT NOT NULL
  );
  `,
  `
  -- The quality year (ISO 9001 9.2, 9.3, 10.2 and the certificate). Columns for what is filtered
  -- or sorted; nested lists and small unions (checklist, report, decisions, effectiveness checks,
  -- source, origin) are JSON, read whole. Every record carries the optimistic-concurrency etag.
  CREATE TABLE certificates (
    id TEXT PRIMARY KEY,
    body TEXT NOT NULL,
    standard TEXT NOT NULL,
    scope TEXT NOT NULL,
    certificate_number TEXT NOT NULL,
    issued_on TEXT NOT NULL,
    expires_on TEXT NOT NULL,
    cycle_years INTEGER NOT NULL CHECK (cycle_years IN (3, 4)),
    is_active INTEGER NOT NULL CHECK (is_active IN (0, 1)),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    etag INTEGER NOT NULL
  );
  CREATE TABLE programme_items (
    id TEXT PRIMARY KEY,
    subject TEXT NOT NULL,
    title TEXT NOT NULL,
    importance INTEGER NOT NULL CHECK (importance BETWEEN 1 AND 3),
    clauses TEXT NOT NULL,
    unit_id TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    etag INTEGER NOT NULL
  );
  CREATE TABLE audits (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('internal', 'surveillance', 'recertification', 'certification')),
    year INTEGER NOT NULL,
    title TEXT NOT NULL,
    programme_item_id TEXT,
    certificate_id TEXT,
    unit_id TEXT,
    clauses TEXT NOT NULL,
    procedure_ids TEXT NOT NULL,
    scope TEXT NOT NULL,
    criteria TEXT NOT NULL,
    auditor_ids TEXT NOT NULL,
    external_auditors TEXT NOT NULL,
    planned_on TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('planned', 'in-progress', 'reported', 'cancelled')),
    checklist TEXT NOT NULL,
    report TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    etag INTEGER NOT NULL
  );
  CREATE INDEX audits_year ON audits(year, planned_on, title);
  CREATE INDEX audits_planned ON audits(planned_on, title);
  CREATE TABLE findings (
    id TEXT PRIMARY KEY,
    audit_id TEXT NOT NULL,
    grade TEXT NOT NULL CHECK (grade IN ('major', 'minor', 'observation', 'improvement', 'strong-point')),
    clause TEXT,
    procedure_id TEXT,
    unit_id TEXT,
    description TEXT NOT NULL,
    found_on TEXT NOT NULL,
    corrective_action_id TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    etag INTEGER NOT NULL
  );
  CREATE INDEX findings_audit ON findings(audit_id, found_on);
  CREATE INDEX findings_found ON findings(found_on);
  CREATE TABLE corrective_actions (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    source TEXT NOT NULL,
    unit_id TEXT,
    correction TEXT,
    root_cause TEXT,
    plan TEXT,
    owner_id TEXT,
    due_on TEXT,
    status TEXT NOT NULL CHECK (status IN ('open', 'planned', 'implemented', 'closed')),
    implemented_on TEXT,
    effectiveness_checks TEXT NOT NULL,
    closed_on TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    etag INTEGER NOT NULL
  );
  CREATE INDEX corrective_actions_due ON corrective_actions(due_on, title);
  CREATE TABLE management_evaluations (
    id TEXT PRIMARY KEY,
    year INTEGER NOT NULL,
    planned_on TEXT NOT NULL,
    held_on TEXT,
    status TEXT NOT NULL CHECK (status IN ('planned', 'held', 'published')),
    participant_ids TEXT NOT NULL,
    guests TEXT NOT NULL,
    conclusions TEXT NOT NULL,
    decisions TEXT NOT NULL,
    committee TEXT,
    committee_on TEXT,
    published_on TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    etag INTEGER NOT NULL
  );
  CREATE TABLE year_wheel_occurrences (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    due_on TEXT NOT NULL,
    owner_id TEXT NOT NULL,
    origin TEXT NOT NULL,
    completed_on TEXT,
    is_edited INTEGER NOT NULL CHECK (is_edited IN (0, 1)),
    note TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    etag INTEGER NOT NULL
  );
  CREATE INDEX year_wheel_occurrences_due ON year_wheel_occurrences(due_on, title);
  `,
  // The audit programme notes changes affecting a subject (ISO 9001 9.2.2 a).
  `ALTER TABLE programme_items ADD COLUMN changed_on TEXT;`,
  // Ids are letters, digits, - and _ (the API's paths): earlier demo seeds made requirement ids
  // from a Danish area name ("req-miljø-aktindsigt"). Rename them as the seed names them now.
  `
  UPDATE external_coverage SET requirement_id =
    replace(replace(replace(replace(replace(replace(requirement_id,
      'æ', 'ae'), 'ø', 'oe'), 'å', 'aa'), 'Æ', 'ae'), 'Ø', 'oe'), 'Å', 'aa')
    WHERE requirement_id GLOB '*[^A-Za-z0-9_-]*';
  UPDATE competence_requirements SET id =
    replace(replace(replace(replace(replace(replace(id,
      'æ', 'ae'), 'ø', 'oe'), 'å', 'aa'), 'Æ', 'ae'), 'Ø', 'oe'), 'Å', 'aa')
    WHERE id GLOB '*[^A-Za-z0-9_-]*';
  `,
  // The coordinator who designated a procedure's approver (null: the approver is a leader above).
  `ALTER TABLE procedures ADD COLUMN approver_designated_by TEXT REFERENCES people(id);`,
  // Segregation of duties (ISO 9001 10.2): who implemented an action and everyone who owned or
  // implemented it, recovered for existing actions from the trail.
  `
  ALTER TABLE corrective_actions ADD COLUMN implemented_by TEXT;
  ALTER TABLE corrective_actions ADD COLUMN involved_ids TEXT NOT NULL DEFAULT '[]';
  UPDATE corrective_actions SET implemented_by = (
    SELECT actor_id FROM audit_trail
    WHERE subject_id = corrective_actions.id AND action = 'corrective-action.markImplemented'
    ORDER BY seq DESC LIMIT 1
  ) WHERE implemented_on IS NOT NULL;
  UPDATE corrective_actions SET involved_ids = (
    SELECT json_group_array(person_id) FROM (
      SELECT person_id, min(seq) AS first FROM (
        SELECT json_extract(details, '$.command.ownerId') AS person_id, seq FROM audit_trail
        WHERE subject_id = corrective_actions.id
          AND action IN ('corrective-action.analyseAndPlan', 'corrective-action.replan')
        UNION ALL
        SELECT actor_id, seq FROM audit_trail
        WHERE subject_id = corrective_actions.id AND action = 'corrective-action.markImplemented'
        UNION ALL
        SELECT corrective_actions.owner_id, 9223372036854775807
      ) WHERE person_id IS NOT NULL GROUP BY person_id ORDER BY first
    )
  );
  `,
  `
  -- Search runs on one in-memory index for every store (core/search-index.ts); procedure_search
  -- keeps only the indexed texts. The trigram table is no longer read.
  DROP TABLE procedure_substring_search;
  `,
  // The Teams user id (MRI, 29:…) from the person's activities: what cards' refresh.userIds name.
  `ALTER TABLE conversations ADD COLUMN user_id TEXT;`,
  `
  -- The search index's revision of a published procedure's texts (a hash of what procedure_search
  -- holds for it), so that a moved search stamp re-reads only the procedures whose texts changed.
  -- Left NULL for rows indexed before this step: their texts stay what they are until reindexed.
  ALTER TABLE procedures ADD COLUMN search_revision TEXT;
  `,
  `
  -- Who recorded a finding (Finding.foundBy); NULL for findings recorded before it was kept.
  ALTER TABLE findings ADD COLUMN found_by TEXT;
  `,
  // Who made a published version (its draft's contributors and approver), recorded at
  // publication: its acknowledgement requests are derived from the audience instead of a row per
  // reader. NULL for versions published before: their stored request rows stay what they are.
  `ALTER TABLE versions ADD COLUMN maker_ids TEXT;`,
  // The one index of deadlines (app/deadline-index.ts), written with each record from now on and
  // filled here from the records already stored.
  `
  CREATE TABLE deadlines (
    kind TEXT NOT NULL,
    subject_id TEXT NOT NULL,
    due_on TEXT,
    responsible_id TEXT,
    unit_id TEXT,
    details TEXT NOT NULL,
    PRIMARY KEY (kind, subject_id)
  );
  CREATE INDEX deadlines_due ON deadlines(due_on);
  ${deadlineBackfillSql}
  `,
  // When the handbook came to know a person (Person.addedAt): acknowledgement requests derived
  // from a procedure's audience start then at the earliest. NULL for people known before.
  `ALTER TABLE people ADD COLUMN added_at TEXT;`,
  // The reminder ledger records one row per outgoing message (records/messaging.ts); the
  // per-key rows stay as the keys' index, each pointing at the message that claimed it last.
  // Every row written before becomes a single-key message of its own, so it still counts.
  `
  CREATE TABLE reminder_messages (
    key TEXT PRIMARY KEY,
    run_id TEXT NOT NULL,
    recipient_id TEXT,
    messages TEXT,
    state TEXT NOT NULL CHECK (state IN ('claimed', 'sent')),
    claimed_at TEXT NOT NULL,
    sent_at TEXT,
    message_id TEXT
  );
  ALTER TABLE reminder_ledger ADD COLUMN message_key TEXT;
  INSERT INTO reminder_messages (key, run_id, recipient_id, messages, state, claimed_at, sent_at, message_id)
    SELECT 'legacy/' || key, run_id, recipient_id,
           json_array(json_object('recipientId', recipient_id, 'keys', json_array(key))),
           state, claimed_at, sent_at, message_id
    FROM reminder_ledger;
  UPDATE reminder_ledger SET message_key = 'legacy/' || key;
  `,
  // Quality policy, goals and imported case data (issue 14, records/goals.ts).
  `
  CREATE TABLE quality_policies (
    id TEXT PRIMARY KEY,
    text TEXT NOT NULL,
    adopted_by TEXT NOT NULL,
    adopted_on TEXT,
    is_published INTEGER NOT NULL CHECK (is_published IN (0, 1)),
    published_on TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    etag INTEGER NOT NULL
  );
  CREATE TABLE goals (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    description TEXT NOT NULL,
    clauses TEXT NOT NULL,
    target TEXT NOT NULL,
    scope TEXT NOT NULL,
    period_from TEXT NOT NULL,
    period_to TEXT NOT NULL,
    cadence TEXT NOT NULL,
    owner_id TEXT NOT NULL,
    measurement TEXT NOT NULL,
    thresholds TEXT NOT NULL,
    status TEXT NOT NULL,
    revision_month INTEGER NOT NULL,
    last_reading TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    etag INTEGER NOT NULL
  );
  CREATE TABLE case_sources (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    mapping TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    etag INTEGER NOT NULL
  );
  CREATE TABLE case_records (
    id TEXT PRIMARY KEY,
    source_id TEXT NOT NULL,
    case_id TEXT NOT NULL,
    case_type TEXT NOT NULL,
    unit_id TEXT,
    received_on TEXT NOT NULL,
    fully_informed_on TEXT,
    decided_on TEXT,
    paused_days INTEGER NOT NULL,
    target_days INTEGER NOT NULL,
    exemption_reason TEXT,
    decision_type TEXT,
    imported_at TEXT NOT NULL
  );
  CREATE INDEX case_records_source ON case_records(source_id);
  `,
  // Satisfaction surveys (records/surveys.ts). A link keeps only its token's SHA-256. The answers
  // table has no rowid (WITHOUT ROWID, keyed by a random id), so the order answers are stored in
  // cannot be matched with the order links were answered in.
  `
  CREATE TABLE surveys (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    intro TEXT NOT NULL,
    questions TEXT NOT NULL,
    headline_question_id TEXT NOT NULL,
    case_types TEXT NOT NULL,
    rounds TEXT NOT NULL,
    link_valid_days INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    etag INTEGER NOT NULL
  );
  CREATE TABLE survey_links (
    token_hash TEXT PRIMARY KEY,
    survey_id TEXT NOT NULL REFERENCES surveys(id),
    round_id TEXT NOT NULL,
    case_id TEXT NOT NULL,
    case_type TEXT NOT NULL,
    unit_id TEXT NOT NULL,
    issued_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    is_answered INTEGER NOT NULL DEFAULT 0 CHECK (is_answered IN (0, 1))
  );
  CREATE UNIQUE INDEX survey_links_case ON survey_links(survey_id, round_id, case_id);
  CREATE TABLE survey_answers (
    id TEXT PRIMARY KEY,
    survey_id TEXT NOT NULL REFERENCES surveys(id),
    round_id TEXT NOT NULL,
    case_type TEXT NOT NULL,
    unit_id TEXT NOT NULL,
    source TEXT NOT NULL CHECK (source IN ('link', 'import')),
    answer_values TEXT NOT NULL
  ) WITHOUT ROWID;
  CREATE INDEX survey_answers_survey ON survey_answers(survey_id, round_id);
  `,
  // FOKUS-style evaluation rounds and the standards the municipality works by (records/fokus.ts).
  // An install from before works by ISO 9001, as every clause it has cited did.
  `
  CREATE TABLE fokus_rounds (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    year INTEGER NOT NULL,
    scale_min INTEGER NOT NULL,
    scale_max INTEGER NOT NULL CHECK (scale_max > scale_min),
    themes TEXT NOT NULL,
    unit_ids TEXT NOT NULL,
    note TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    etag INTEGER NOT NULL
  );
  CREATE TABLE fokus_unit_evaluations (
    id TEXT PRIMARY KEY,
    round_id TEXT NOT NULL REFERENCES fokus_rounds(id),
    unit_id TEXT NOT NULL,
    scores TEXT NOT NULL,
    note TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    etag INTEGER NOT NULL,
    UNIQUE (round_id, unit_id)
  );
  CREATE TABLE management_standards (
    id TEXT PRIMARY KEY,
    standard_ids TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    etag INTEGER NOT NULL
  );
  INSERT INTO management_standards (id, standard_ids, created_at, updated_at, updated_by, etag)
    VALUES ('standards', '["iso9001"]', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'system', 1);
  `,
  // Corrective actions: what was done and its evidence, told when the action is marked implemented.
  `
  ALTER TABLE corrective_actions ADD COLUMN implementation_note TEXT;
  ALTER TABLE corrective_actions ADD COLUMN evidence_text TEXT;
  ALTER TABLE corrective_actions ADD COLUMN evidence_url TEXT;
  `,
  // Records that stay as they were (core/frozen-records.ts): one snapshot per held, reported or
  // published record, its lock and its correction links.
  `
  CREATE TABLE frozen_records (
    id TEXT PRIMARY KEY,
    subject_kind TEXT NOT NULL,
    subject_id TEXT NOT NULL,
    as_of TEXT NOT NULL,
    frozen_at TEXT NOT NULL,
    frozen_by TEXT NOT NULL,
    locked_at TEXT,
    payload TEXT NOT NULL,
    corrects_id TEXT,
    correction_reason TEXT,
    corrected_by_id TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    etag INTEGER NOT NULL,
    UNIQUE (subject_kind, subject_id)
  );
  `,
  // Aktindsigt / innsyn requests (records/access-requests.ts).
  `
  CREATE TABLE access_requests (
    id TEXT PRIMARY KEY,
    law TEXT NOT NULL CHECK (law IN ('dk', 'no')),
    requester_name TEXT NOT NULL,
    requester_contact TEXT NOT NULL,
    subject TEXT NOT NULL,
    procedure_ids TEXT NOT NULL,
    received_on TEXT NOT NULL,
    deadline_on TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('open', 'answered')),
    answer TEXT,
    exports TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    etag INTEGER NOT NULL
  );
  CREATE INDEX access_requests_by_deadline ON access_requests (state, deadline_on);
  `,
  // Issue 16: the published yearly public reports, frozen (one row per revision).
  `
  CREATE TABLE yearly_reports (
    id TEXT PRIMARY KEY,
    year INTEGER NOT NULL,
    revision INTEGER NOT NULL,
    content TEXT NOT NULL,
    published_at TEXT NOT NULL,
    published_on TEXT NOT NULL,
    published_by TEXT NOT NULL,
    correction_reason TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    etag INTEGER NOT NULL,
    UNIQUE (year, revision)
  );
  CREATE TRIGGER yearly_reports_frozen BEFORE UPDATE ON yearly_reports
  BEGIN
    SELECT RAISE(ABORT, 'a published yearly report is frozen');
  END;
  CREATE TRIGGER yearly_reports_kept BEFORE DELETE ON yearly_reports
  BEGIN
    SELECT RAISE(ABORT, 'a published yearly report is kept');
  END;
  `,
  // The aktindsigt / innsyn deadlines in the deadline index (app/deadline-index.ts
  // accessRequestDeadlineWrites), for the requests stored before the store wrote them.
  accessRequestBackfillSql,
  // The register (issue 15, records/register.ts): items from the three doors, the municipality's
  // register settings, and the public form's used proof-of-work solutions.
  `
  CREATE TABLE register_items (
    id TEXT PRIMARY KEY,
    receipt_number TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL CHECK (kind IN ('praise', 'complaint', 'suggestion', 'deviation')),
    channel TEXT NOT NULL CHECK (channel IN ('public', 'tab', 'teams')),
    status TEXT NOT NULL CHECK (status IN ('registered', 'awaiting-handling', 'in-handling', 'open', 'closed')),
    title TEXT NOT NULL,
    description TEXT NOT NULL,
    case_area_id TEXT,
    case_number TEXT,
    procedure_ids TEXT NOT NULL,
    audit_id TEXT,
    source_message TEXT,
    unit_ids TEXT NOT NULL,
    scope TEXT NOT NULL CHECK (scope IN ('unit', 'several-units', 'administration')),
    severity INTEGER CHECK (severity BETWEEN 1 AND 5),
    likelihood INTEGER CHECK (likelihood BETWEEN 1 AND 5),
    category_id TEXT,
    correction TEXT,
    root_cause_category_id TEXT,
    root_cause TEXT,
    handler_unit_id TEXT,
    handler_id TEXT,
    reported_by TEXT,
    reported_at TEXT NOT NULL,
    received_on TEXT NOT NULL,
    locale TEXT NOT NULL,
    contact TEXT,
    contact_removed_on TEXT,
    status_token_hash TEXT UNIQUE,
    reply_due_on TEXT,
    interim_replies TEXT NOT NULL,
    reply TEXT,
    corrective_action_ids TEXT NOT NULL,
    closed_on TEXT,
    deletion_request TEXT,
    trail TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    etag INTEGER NOT NULL
  );
  CREATE INDEX register_items_received ON register_items(received_on);
  CREATE INDEX register_items_handler ON register_items(handler_id, status);
  CREATE INDEX register_items_due ON register_items(reply_due_on) WHERE reply_due_on IS NOT NULL;
  CREATE TABLE register_settings (
    id TEXT PRIMARY KEY,
    categories TEXT NOT NULL,
    root_cause_categories TEXT NOT NULL,
    case_areas TEXT NOT NULL,
    risk_bands TEXT NOT NULL,
    routing_rules TEXT NOT NULL,
    reply_deadlines TEXT NOT NULL,
    holiday_calendar TEXT NOT NULL CHECK (holiday_calendar IN ('dk', 'no')),
    remind_days_before INTEGER NOT NULL,
    escalate_days_after INTEGER NOT NULL,
    contact_retention_years INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    etag INTEGER NOT NULL
  );
  CREATE TABLE register_used_challenges (
    signature_hash TEXT PRIMARY KEY,
    expires_at TEXT NOT NULL
  ) WITHOUT ROWID;
  CREATE INDEX register_used_challenges_expiry ON register_used_challenges(expires_at);
  `,
  // Issue 16: a finding remembers the checklist line it was recorded from (one finding per line)
  // and, once a correction of its reported audit's report withdrew it, the withdrawal (JSON).
  `
  ALTER TABLE findings ADD COLUMN checklist_line_id TEXT;
  ALTER TABLE findings ADD COLUMN withdrawal TEXT;
  `,
  // The register's statistics read plain columns through one covering index instead of JSON per
  // row (records/register.ts `derived`, written on every commit; existing rows backfilled here).
  `
  ALTER TABLE register_items ADD COLUMN main_unit_id TEXT;
  ALTER TABLE register_items ADD COLUMN is_answerable INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE register_items ADD COLUMN is_reply_late INTEGER;
  UPDATE register_items SET
    main_unit_id = unit_ids ->> '$[0]',
    is_answerable = (reported_by IS NOT NULL OR contact ->> '$.email' IS NOT NULL),
    is_reply_late = reply ->> '$.isLate';
  CREATE INDEX register_items_statistics ON register_items(
    received_on, kind, channel, status, category_id, root_cause_category_id, main_unit_id, is_answerable,
    reply_due_on, is_reply_late
  );
  DROP INDEX IF EXISTS register_items_received;
  `,
  // What requests read on every call and rarely changes is kept until it changes
  // (cached-until-changed.ts): these triggers count the changes of each group of tables.
  `
  CREATE TABLE change_counts (
    name TEXT PRIMARY KEY,
    count INTEGER NOT NULL
  ) WITHOUT ROWID;
  INSERT INTO change_counts (name, count) VALUES ('directory', 0), ('register-settings', 0);
  CREATE TRIGGER people_insert_counted AFTER INSERT ON people BEGIN
    UPDATE change_counts SET count = count + 1 WHERE name = 'directory';
  END;
  CREATE TRIGGER people_update_counted AFTER UPDATE ON people BEGIN
    UPDATE change_counts SET count = count + 1 WHERE name = 'directory';
  END;
  CREATE TRIGGER people_delete_counted AFTER DELETE ON people BEGIN
    UPDATE change_counts SET count = count + 1 WHERE name = 'directory';
  END;
  CREATE TRIGGER units_insert_counted AFTER INSERT ON units BEGIN
    UPDATE change_counts SET count = count + 1 WHERE name = 'directory';
  END;
  CREATE TRIGGER units_update_counted AFTER UPDATE ON units BEGIN
    UPDATE change_counts SET count = count + 1 WHERE name = 'directory';
  END;
  CREATE TRIGGER units_delete_counted AFTER DELETE ON units BEGIN
    UPDATE change_counts SET count = count + 1 WHERE name = 'directory';
  END;
  CREATE TRIGGER register_settings_insert_counted AFTER INSERT ON register_settings BEGIN
    UPDATE change_counts SET count = count + 1 WHERE name = 'register-settings';
  END;
  CREATE TRIGGER register_settings_update_counted AFTER UPDATE ON register_settings BEGIN
    UPDATE change_counts SET count = count + 1 WHERE name = 'register-settings';
  END;
  CREATE TRIGGER register_settings_delete_counted AFTER DELETE ON register_settings BEGIN
    UPDATE change_counts SET count = count + 1 WHERE name = 'register-settings';
  END;
  `,
];
