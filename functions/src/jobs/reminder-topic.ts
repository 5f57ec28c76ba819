import type { ReminderCandidate } from './reminder-source.js';

/** Where a reminder's link goes in the tab; reminder-cards.ts turns it into a URL. */
export type ReminderLink =
  | { to: 'procedure'; procedureId: string }
  | { to: 'competences' }
  | { to: 'year-wheel'; year: number }
  | { to: 'action'; actionId: string }
  | { to: 'access-requests' }
  | { to: 'register-item'; itemId: string };

/**
 * What a reminder is about, whatever its kind: a short `label` that leads the one-line summaries
 * ("S-06", "Intern auditor – Peter Lund"), a `title` for longer text, and where to open it.
 * The sweep orders, summarises and reports reminders by their topic only, so a new kind of
 * reminder needs no procedure code or title: it adds a case here.
 */
export type ReminderTopic = { label: string; title: string; link: ReminderLink | null };

export function reminderTopic(candidate: ReminderCandidate): ReminderTopic {
  switch (candidate.kind) {
    case 'review':
    case 'approval':
    case 'acknowledgement':
      return {
        label: candidate.code,
        title: candidate.title,
        link: { to: 'procedure', procedureId: candidate.procedureId },
      };
    case 'qualification':
      return {
        label: `${candidate.competenceName} – ${candidate.personName}`,
        title: candidate.competenceName,
        link: { to: 'competences' },
      };
    case 'requirement':
      return {
        label: `${candidate.competenceName} – ${candidate.scopeShortLabel}`,
        title: candidate.competenceName,
        link: { to: 'competences' },
      };
    case 'occurrence':
      return {
        label: candidate.title,
        title: candidate.title,
        link: { to: 'year-wheel', year: Number(candidate.dueOn.slice(0, 4)) },
      };
    case 'action':
      return { label: candidate.title, title: candidate.title, link: { to: 'action', actionId: candidate.actionId } };
    case 'access-request':
      // The requester's name leads; the stage's words say it is an aktindsigt / innsyn deadline.
      return { label: candidate.requesterName, title: candidate.subject, link: { to: 'access-requests' } };
    case 'register-reply':
      return {
        label: candidate.receiptNumber,
        title: candidate.title,
        link: { to: 'register-item', itemId: candidate.itemId },
      };
  }
}
