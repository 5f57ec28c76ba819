import type { Locale } from '../../core/locale.js';
import { nextVersionNumber } from '../../core/lifecycle.js';
import type { CardPerson, CardProcedure } from './card-types.js';
import { escapeCardText, formatDateTime, truncateText, type CardText } from './card-text.js';
import { factSet, textBlock, type CardElement, type Fact } from './card-elements.js';

/**
 * What the approval request and the approval status card both show: the procedure, the
 * version step, who submitted it, the change summary and the metadata changes.
 */
export type ApprovalCardModel = {
  approvalId: string;
  procedure: CardProcedure;
  /** Label of the current published version ("1.2"); null for a procedure's first version. */
  fromVersionLabel: string | null;
  kind: 'major' | 'minor';
  changeSummary: string;
  requestedBy: CardPerson;
  /** ISO 8601 instant. */
  requestedAt: string;
  approver: CardPerson;
  /** Metadata fields that change with this version; `field` is one of `labelledFields` or a label. */
  metadataChanges: MetadataChange[];
  /** Deep link to the procedure in the tab. */
  openUrl: string;
};

export type MetadataChange = { field: string; from: string; to: string };

/** Metadata fields the cards name in the reader's language (`field.<name>` in the cards' texts). */
const labelledFields = [
  'title',
  'level',
  'area',
  'unit',
  'owner',
  'approver',
  'audience',
  'reviewIntervalMonths',
  'standards',
  'legalBasis',
] as const;
type LabelledField = (typeof labelledFields)[number];
const isLabelledField = (field: string): field is LabelledField =>
  (labelledFields as readonly string[]).includes(field);

/** Limits that keep the card well under Teams' 28 KB message limit even with 4-byte escapes. */
const summaryMax = 1200;
const metadataChangesShown = 10;
const metadataValueMax = 120;

/** The label the version will get when approved, from the current label: "1.2" + major = "2.0". */
export function proposedVersionLabel(fromVersionLabel: string | null, kind: 'major' | 'minor'): string | null {
  if (fromVersionLabel === null) return versionText(nextVersionNumber(null, kind));
  const match = /^(\d+)\.(\d+)$/.exec(fromVersionLabel.trim());
  if (!match) return null;
  return versionText(nextVersionNumber({ major: Number(match[1]), minor: Number(match[2]) }, kind));
}

function versionText(version: { major: number; minor: number }): string {
  return `${version.major}.${version.minor}`;
}

export function approvalDetails(model: ApprovalCardModel, locale: Locale, text: CardText): CardElement[] {
  const kind = model.kind === 'major' ? text('kindMajor') : text('kindMinor');
  const to = proposedVersionLabel(model.fromVersionLabel, model.kind) ?? '?';
  const version =
    model.fromVersionLabel === null
      ? text('firstVersion', { to, kind })
      : text('versionChange', { from: escapeCardText(truncateText(model.fromVersionLabel, 20)), to, kind });
  const elements: CardElement[] = [
    factSet([
      { title: text('version'), value: version },
      {
        title: text('submittedBy'),
        value: text('submittedByValue', {
          name: escapeCardText(model.requestedBy.name),
          at: formatDateTime(model.requestedAt, locale),
        }),
      },
      { title: text('approver'), value: escapeCardText(model.approver.name) },
    ]),
    textBlock(text('changeSummary'), { weight: 'bolder', spacing: 'medium' }),
    textBlock(escapeCardText(truncateText(model.changeSummary, summaryMax)), { spacing: 'small' }),
  ];
  if (model.metadataChanges.length > 0) {
    elements.push(
      textBlock(text('metadataChanges'), { weight: 'bolder', spacing: 'medium' }),
      factSet(model.metadataChanges.slice(0, metadataChangesShown).map((change) => metadataFact(change, text))),
    );
    const hidden = model.metadataChanges.length - metadataChangesShown;
    if (hidden > 0)
      elements.push(textBlock(text('moreChanges', { count: hidden }), { isSubtle: true, spacing: 'small' }));
  }
  return elements;
}

function metadataFact(change: MetadataChange, text: CardText): Fact {
  const value = (raw: string) =>
    raw.trim() === '' ? text('emptyValue') : escapeCardText(truncateText(raw, metadataValueMax));
  return {
    title: isLabelledField(change.field)
      ? text(`field.${change.field}`)
      : escapeCardText(truncateText(change.field, 60)),
    value: text('metadataChange', { from: value(change.from), to: value(change.to) }),
  };
}
