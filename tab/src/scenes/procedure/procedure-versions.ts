import type { ProcedureDetail, VersionDto } from '../../api/contract';

/** Every version the viewer may see, newest first: the draft (if visible) and the history. */
export function visibleVersions(detail: ProcedureDetail): VersionDto[] {
  const byId = new Map<string, VersionDto>();
  if (detail.draft) byId.set(detail.draft.id, detail.draft);
  for (const version of detail.versions) byId.set(version.id, version);
  return [...byId.values()].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/** The version to show: the one asked for, else the valid one, else the draft. */
export function selectVersion(detail: ProcedureDetail, requestedId: string | null): VersionDto | null {
  const versions = visibleVersions(detail);
  const requested = requestedId ? versions.find((version) => version.id === requestedId) : undefined;
  return requested ?? detail.currentVersion ?? detail.draft ?? null;
}

export type VersionStanding =
  | { kind: 'current'; label: string }
  | { kind: 'obsolete'; replacedBy: string | null }
  | { kind: 'draft' }
  | { kind: 'pending' };

/** How a version must be presented so an obsolete one cannot be mistaken for the valid one. */
export function versionStanding(detail: ProcedureDetail, version: VersionDto): VersionStanding {
  if (version.state === 'draft') return { kind: 'draft' };
  if (version.state === 'pending') return { kind: 'pending' };
  if (version.state === 'obsolete' || detail.currentVersion?.id !== version.id) {
    return { kind: 'obsolete', replacedBy: version.supersededBy?.label ?? null };
  }
  return { kind: 'current', label: version.label ?? '' };
}

/** Document headings start below the page's own h1/h2, keeping the heading order intact. */
export function demoteHeadings(html: string, by = 2): string {
  return html.replace(
    /<(\/?)h([1-6])(?=[\s>/])/gi,
    (_, slash: string, level: string) => `<${slash}h${Math.min(6, Number(level) + by)}`,
  );
}
