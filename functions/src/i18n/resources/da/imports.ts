/**
 * Imports: the case export's column titles, accepted in a header in any language beside the field codes. Danish, the source.
 */
export const imports = {
  'case.caseId': 'Sagsnummer',
  'case.caseType': 'Sagstype',
  'case.unit': 'Enhed',
  'case.receivedOn': 'Modtaget',
  'case.fullyInformedOn': 'Fuldt oplyst',
  'case.decidedOn': 'Afgjort',
  'case.pausedDays': 'Dage hos ansøger',
  'case.targetDays': 'Servicemål (dage)',
  'case.exemptionReason': 'Fritagelsesgrund',
  'case.decisionType': 'Afgørelsestype',
};
