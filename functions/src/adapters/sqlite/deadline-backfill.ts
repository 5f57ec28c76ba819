/**
 * Fills the deadline index (app/deadline-index.ts) from the records already in the database:
 * the same entries `deadlineWritesFor` and `qualityDeadlineWritesFor` would write if every
 * record were committed again (sqlite-deadlines.test.ts checks that they agree). Used by the
 * migration that creates the table; idempotent (INSERT OR REPLACE).
 */
export const deadlineBackfillSql = `
  INSERT OR REPLACE INTO deadlines (kind, subject_id, due_on, responsible_id, unit_id, details)
  SELECT 'review', p.id, CASE WHEN p.current_version_id IS NULL THEN NULL ELSE p.next_review_on END, p.owner_id, p.unit_id,
    json_object('code', p.code, 'title', p.title, 'area', p.area, 'currentVersionId', p.current_version_id,
      'currentVersionLabel', CASE WHEN p.current_version_id IS NULL OR v.major IS NULL THEN NULL
        ELSE v.major || '.' || coalesce(v.minor, 0) END,
      'draftVersionId', p.draft_version_id, 'etag', p.etag, 'lastReviewedOn', p.last_reviewed_on,
      'reviewIntervalMonths', p.review_interval_months, 'audience', json(p.audience))
  FROM procedures p LEFT JOIN versions v ON v.id = p.current_version_id;

  INSERT OR REPLACE INTO deadlines (kind, subject_id, due_on, responsible_id, unit_id, details)
  SELECT 'approval', a.id, substr(a.requested_at, 1, 10), a.approver_id, NULL,
    json_object('procedureId', a.procedure_id, 'versionId', a.version_id, 'requestedBy', a.requested_by,
      'requestedAt', a.requested_at, 'changeSummary', a.change_summary, 'changeKind', a.kind)
  FROM approvals a WHERE a.decision IS NULL;

  INSERT OR REPLACE INTO deadlines (kind, subject_id, due_on, responsible_id, unit_id, details)
  SELECT 'acknowledgement', v.id, substr(v.published_at, 1, 10), NULL, NULL,
    json_object('procedureId', v.procedure_id, 'versionId', v.id, 'requestedAt', v.published_at,
      'versionLabel', CASE WHEN v.major IS NULL THEN NULL ELSE v.major || '.' || coalesce(v.minor, 0) END,
      'changeSummary', nullif(v.change_summary, ''), 'publishedAt', v.published_at, 'approvedBy', v.approved_by,
      'makerIds', json(v.maker_ids), 'requested', NULL)
  FROM versions v
  WHERE v.maker_ids IS NOT NULL AND v.kind = 'major' AND v.published_at IS NOT NULL AND v.state = 'published';

  INSERT OR REPLACE INTO deadlines (kind, subject_id, due_on, responsible_id, unit_id, details)
  SELECT 'acknowledgement', v.id, substr(min(r.requested_at), 1, 10), NULL, NULL,
    json_object('procedureId', v.procedure_id, 'versionId', v.id, 'requestedAt', min(r.requested_at),
      'versionLabel', CASE WHEN v.major IS NULL THEN NULL ELSE v.major || '.' || coalesce(v.minor, 0) END,
      'changeSummary', nullif(v.change_summary, ''), 'publishedAt', v.published_at, 'approvedBy', v.approved_by,
      'makerIds', NULL,
      'requested', json_group_array(json_object('personId', r.person_id, 'requestedAt', r.requested_at)))
  FROM (SELECT * FROM acknowledgement_requests ORDER BY person_id) r JOIN versions v ON v.id = r.version_id
  WHERE v.maker_ids IS NULL AND v.state <> 'obsolete'
  GROUP BY v.id;

  INSERT OR REPLACE INTO deadlines (kind, subject_id, due_on, responsible_id, unit_id, details)
  SELECT 'qualification', c.person_id || '/' || c.competence_id, c.valid_until, c.person_id, NULL,
    json_object('level', c.level, 'evidence', json(c.evidence), 'assessment', c.assessment, 'confirmedBy', c.confirmed_by)
  FROM person_competences c;

  INSERT OR REPLACE INTO deadlines (kind, subject_id, due_on, responsible_id, unit_id, details)
  SELECT 'requirement', r.id, NULL, NULL, NULL,
    json_object('competenceId', r.competence_id, 'scope', json(r.scope), 'minPeople', r.min_people, 'minLevel', r.min_level)
  FROM competence_requirements r;

  INSERT OR REPLACE INTO deadlines (kind, subject_id, due_on, responsible_id, unit_id, details)
  SELECT 'coverage', e.id, e.contract_end, NULL, NULL,
    json_object('requirementId', e.requirement_id, 'supplier', e.supplier, 'decidedOn', e.decided_on,
      'decidedBy', e.decided_by, 'contractEnd', e.contract_end, 'note', e.note)
  FROM external_coverage e;

  INSERT OR REPLACE INTO deadlines (kind, subject_id, due_on, responsible_id, unit_id, details)
  SELECT 'occurrence', o.id, o.due_on, o.owner_id, NULL,
    json_object('occurrenceKind', o.kind, 'title', o.title, 'origin', json(o.origin))
  FROM year_wheel_occurrences o WHERE o.completed_on IS NULL;

  INSERT OR REPLACE INTO deadlines (kind, subject_id, due_on, responsible_id, unit_id, details)
  SELECT 'action', a.id, a.due_on, a.owner_id, a.unit_id, json_object('title', a.title, 'status', a.status)
  FROM corrective_actions a
  WHERE a.status IN ('open', 'planned') AND a.owner_id IS NOT NULL AND a.due_on IS NOT NULL;
`;

/**
 * The aktindsigt / innsyn entries (app/deadline-index.ts `accessRequestDeadlineWrites`) for the
 * requests stored before the store wrote them: its own migration step, after the table's.
 */
export const accessRequestBackfillSql = `
  INSERT OR REPLACE INTO deadlines (kind, subject_id, due_on, responsible_id, unit_id, details)
  SELECT 'access-request', r.id, r.deadline_on, NULL, NULL,
    json_object('law', r.law, 'requesterName', r.requester_name, 'subject', r.subject, 'receivedOn', r.received_on)
  FROM access_requests r WHERE r.state = 'open';
`;
