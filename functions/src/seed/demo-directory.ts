import type { Person, Unit } from '../core/types.js';

/** The demo municipality's organisation: Eksempel Kommune, Teknik og Miljø. Names are invented. */
export const demoUnits: Unit[] = [
  { id: 'teknik-miljo', name: 'Teknik og Miljø', parentId: null },
  { id: 'natur', name: 'Natur', parentId: 'teknik-miljo' },
  { id: 'miljo', name: 'Miljø', parentId: 'teknik-miljo' },
  { id: 'byg-plan', name: 'Byg og Plan', parentId: 'teknik-miljo' },
];

const person = (
  id: string,
  name: string,
  title: string,
  unitId: string,
  roles: Person['roles'],
  leaderId: string | null,
): Person => ({ id, name, title, unitId, roles, leaderId, email: `${id}@eksempel-kommune.dk`, aadObjectId: null });

export const demoPeople: Person[] = [
  person('lars-holm', 'Lars Holm', 'Direktør, Teknik og Miljø', 'teknik-miljo', ['leader'], null),
  person(
    'mette-kjaer',
    'Mette Kjær',
    'Kvalitetskoordinator (systemansvarlig)',
    'teknik-miljo',
    ['coordinator', 'author'],
    'lars-holm',
  ),
  person('eva-winther', 'Eva Winther', 'Systemadministrator', 'teknik-miljo', ['admin'], 'lars-holm'),
  person('anne-birk', 'Anne Birk', 'Afdelingsleder, Natur', 'natur', ['leader'], 'lars-holm'),
  person('jens-mortensen', 'Jens Mortensen', 'Afdelingsleder, Miljø', 'miljo', ['leader'], 'lars-holm'),
  person('sofie-dahl', 'Sofie Dahl', 'Afdelingsleder, Byg og Plan', 'byg-plan', ['leader'], 'lars-holm'),
  person('peter-lund', 'Peter Lund', 'Biolog, procedureansvarlig', 'natur', ['caseworker', 'author'], 'anne-birk'),
  person('karen-holt', 'Karen Holt', 'Naturmedarbejder', 'natur', ['caseworker'], 'anne-birk'),
  person('mads-berg', 'Mads Berg', 'Miljømedarbejder, tilsyn', 'miljo', ['caseworker', 'author'], 'jens-mortensen'),
  person('ida-nielsen', 'Ida Nielsen', 'Miljøsagsbehandler, jord', 'miljo', ['caseworker'], 'jens-mortensen'),
  person(
    'ole-frandsen',
    'Ole Frandsen',
    'Spildevands- og vandmedarbejder',
    'miljo',
    ['caseworker', 'author'],
    'jens-mortensen',
  ),
  person(
    'henrik-skov',
    'Henrik Skov',
    'Byggesagsbehandler, procedureansvarlig',
    'byg-plan',
    ['caseworker', 'author'],
    'sofie-dahl',
  ),
  person('camilla-ravn', 'Camilla Ravn', 'Planlægger', 'byg-plan', ['caseworker', 'author'], 'sofie-dahl'),
  person('rasmus-toft', 'Rasmus Toft', 'Byggesagsbehandler', 'byg-plan', ['caseworker'], 'sofie-dahl'),
];
