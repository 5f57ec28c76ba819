/** The register's e-mails to senders (replies and interim replies) and the words of its statistics. Danish, the source. */
export const register = {
  'reply.subject': 'Svar på din henvendelse {{receiptNumber}}',
  'reply.intro': 'Tak for din henvendelse (kvitteringsnummer {{receiptNumber}}). Her er vores svar:',
  'interim.subject': 'Foreløbigt svar på din henvendelse {{receiptNumber}}',
  'interim.intro': 'Vi har endnu ikke kunnet færdigbehandle din henvendelse (kvitteringsnummer {{receiptNumber}}).',
  'interim.waitingFor': 'Den afventer: {{waitingFor}}',
  'interim.expectedOn': 'Du kan forvente svar senest {{expectedOn}}.',
  signature: 'Med venlig hilsen\n{{organisation}}',
  noReply: 'Denne e-mail kan ikke besvares. Brug dit statuslink eller kontakt kommunen, og oplys kvitteringsnummeret.',
  // The doors an item came through (the register's statistics).
  'channel.public': 'Borgerformular',
  'channel.tab': 'Kvalitetshåndbogen',
  'channel.teams': 'Teams',
  'channel.audit': 'Audit',
} as const;
