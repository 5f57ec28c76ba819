import type { register as da } from '../da/register.js';
import type { TranslationOf } from '../../texts.js';

export const register: TranslationOf<typeof da> = {
  'reply.subject': 'Svar på din henvendelse {{receiptNumber}}',
  'reply.intro': 'Takk for henvendelsen (kvitteringsnummer {{receiptNumber}}). Her er vårt svar:',
  'interim.subject': 'Foreløpig svar på din henvendelse {{receiptNumber}}',
  'interim.intro': 'Vi har ennå ikke kunnet ferdigbehandle henvendelsen din (kvitteringsnummer {{receiptNumber}}).',
  'interim.waitingFor': 'Den venter på: {{waitingFor}}',
  'interim.expectedOn': 'Du kan vente svar senest {{expectedOn}}.',
  signature: 'Med vennlig hilsen\n{{organisation}}',
  noReply:
    'Denne e-posten kan ikke besvares. Bruk statuslenken din eller kontakt kommunen, og oppgi kvitteringsnummeret.',
  'channel.public': 'Innbyggerskjema',
  'channel.tab': 'Kvalitetshåndboken',
  'channel.teams': 'Teams',
  'channel.audit': 'Revisjon',
};
