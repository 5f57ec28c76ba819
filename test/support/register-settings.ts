/**
 * Register settings for tests of the register's doors: case areas for the public form, root-cause
 * categories for the Pareto and a routing table, saved by the coordinator over the API on top of
 * whatever the database holds (its etag read first).
 */
const label = (da: string, nb: string, en: string) => ({ da, nb, en });

export const doorSettings = {
  categories: [
    { id: 'service', label: label('Service', 'Service', 'Service'), kinds: ['complaint', 'deviation'], isActive: true },
  ],
  rootCauseCategories: [
    {
      id: 'outdated-procedure',
      label: label('Forældet procedure', 'Utdatert prosedyre', 'Outdated procedure'),
      isActive: true,
    },
    { id: 'training', label: label('Manglende oplæring', 'Manglende opplæring', 'Missing training'), isActive: true },
  ],
  caseAreas: [
    { id: 'byg', label: label('Byggesager', 'Byggesaker', 'Building cases'), unitId: 'byg-plan', isActive: true },
    {
      id: 'natur',
      label: label('Natur og vandløb', 'Natur og vassdrag', 'Nature and streams'),
      unitId: 'natur',
      isActive: true,
    },
  ],
  riskBands: { greenMax: 4, yellowMax: 12 },
  routingRules: [
    { scope: 'unit', fromSeverity: 1, level: 0 },
    { scope: 'unit', fromSeverity: 4, level: 'top' },
    { scope: 'several-units', fromSeverity: 1, level: 'top' },
    { scope: 'administration', fromSeverity: 1, level: 'top' },
  ],
  replyDeadlines: {
    praise: { unit: 'working-days', count: 10 },
    complaint: { unit: 'working-days', count: 10 },
    suggestion: { unit: 'working-days', count: 10 },
    deviation: { unit: 'working-days', count: 10 },
  },
  holidayCalendar: 'dk',
  remindDaysBefore: 2,
  escalateDaysAfter: 3,
  contactRetentionYears: 5,
};

export async function saveDoorSettings(baseUrl: string): Promise<void> {
  const headers = { 'x-local-user': 'mette-kjaer', 'content-type': 'application/json' };
  const current = (await (await fetch(`${baseUrl}/api/register/settings`, { headers })).json()) as { etag: string };
  const response = await fetch(`${baseUrl}/api/register/settings`, {
    method: 'PUT',
    headers: { ...headers, 'if-match': `"${current.etag}"` },
    body: JSON.stringify(doorSettings),
  });
  if (response.status !== 200) throw new Error(`Register settings: ${response.status} ${await response.text()}`);
}
