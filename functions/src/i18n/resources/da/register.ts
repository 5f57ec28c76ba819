/** The register's e-mails to senders (replies and interim replies). Danish, the source. */
export const register = {
  'reply.subject': 'Svar på din henvendelse {{receiptNumber}}',
  'reply.intro': 'Tak for din henvendelse (kvitteringsnummer {{receiptNumber}}). Her er vores svar:',
  'interim.subject': 'Foreløbigt svar på din henvendelse {{receiptNumber}}',
  'interim.intro': 'Vi har endnu ikke kunnet færdigbehandle din henvendelse (kvitteringsnummer {{receiptNumber}}).',
  'interim.waitingFor': 'Den afventer: {{waitingFor}}',
  'interim.expectedOn': 'Du kan forvente svar senest {{expectedOn}}.',
  signature: 'Med venlig hilsen\n{{organisation}}',
  noReply: 'Denne e-mail kan ikke besvares. Brug dit statuslink eller kontakt kommunen, og oplys kvitteringsnummeret.',
} as const;
