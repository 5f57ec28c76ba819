/**
 * The message extension's report form (Teams: "Meld afvigelse" / "Foreslå forbedring" on a
 * message) and its answers. Danish, the source.
 */
export const reportForm = {
  'heading.reportDeviation': 'Meld afvigelse',
  'heading.suggestImprovement': 'Foreslå forbedring',
  intro:
    'Beskeden er sat ind nedenfor. Ret teksten, så den siger, hvad der skete eller kan blive bedre, og send. Den kommer i afvigelsesregistret, hvor din leder behandler den, og du får svar.',
  kindLabel: 'Hvad vil du melde?',
  'kind.deviation': 'Afvigelse',
  'kind.suggestion': 'Forbedringsforslag',
  'kind.praise': 'Ros',
  kindError: 'Vælg afvigelse, forbedringsforslag eller ros',
  titleLabel: 'Overskrift',
  titlePlaceholder: 'Kort: hvad drejer det sig om?',
  titleError: 'Skriv en overskrift på højst {{max}} tegn',
  descriptionLabel: 'Beskrivelse',
  descriptionPlaceholder: 'Hvad skete der, hvornår, og hvad gjorde du?',
  descriptionError: 'Skriv en beskrivelse på højst {{max}} tegn',
  fromMessage: 'Fra beskeden',
  openMessage: 'Åbn beskeden i Teams',
  submit: 'Send',
  problemsTitle: 'Formularen blev ikke sendt. Ret dette:',
  'problem.kind': 'Vælg, hvad du vil melde.',
  'problem.title': 'Overskriften mangler eller er for lang (højst {{max}} tegn).',
  'problem.description': 'Beskrivelsen mangler eller er for lang (højst {{max}} tegn).',
  'problem.messageLink': 'Linket til beskeden er ikke et Teams-link.',
  'problem.form': 'Formularens data kunne ikke læses. Luk den, og åbn den igen fra beskeden.',
  received: 'Tak. {{kind}} er registreret som {{number}}. Du kan følge den under Register i Kvalitetshåndbogen.',
  unknownPerson: 'Du er ikke oprettet i kvalitetshåndbogen. Kontakt kvalitetskoordinatoren.',
  unknownCommand: 'Kvalitetshåndbogen kender ikke denne handling.',
};
