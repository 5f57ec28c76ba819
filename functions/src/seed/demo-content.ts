import type { ProcedureDocumentInput, ProcedureSection } from '../documents/procedure-template.js';
import type { DemoProcedure } from './demo-procedures.js';

const unitNames: Record<string, string> = { natur: 'Natur', miljo: 'Miljø', 'byg-plan': 'Byg og Plan' };

/**
 * The text of a demo procedure, written from the procedure template (Formål, Omfang, Ansvar,
 * Fremgangsmåde, …). Generic on purpose: it reads like a real handbook without pretending to
 * be any municipality's actual procedure.
 */
export function demoSections(procedure: DemoProcedure, revision: number): ProcedureDocumentInput['sections'] {
  const unit = procedure.unitId
    ? `enheden ${unitNames[procedure.unitId] ?? procedure.unitId}`
    : 'alle enheder i Teknik og Miljø';
  const subject = procedure.title.charAt(0).toLowerCase() + procedure.title.slice(1);
  const sections: Partial<Record<ProcedureSection, string[]>> = {
    Formål: [
      `Proceduren skal sikre, at ${subject} sker ensartet, korrekt og rettidigt, og at borgere og virksomheder får en sagsbehandling af høj faglig kvalitet.`,
    ],
    Omfang: [
      `Proceduren gælder for ${unit}. Den omfatter opgaven fra modtagelse til afslutning og arkivering.`,
      'Proceduren omfatter ikke sager, hvor en anden myndighed har kompetencen; de videresendes efter forvaltningslovens § 7.',
    ],
    Definitioner: ['Sagsbehandlingstid: tiden fra en fuldt oplyst ansøgning er modtaget, til afgørelsen er sendt.'],
    Ansvar: [
      '- Procedureansvarlig: holder proceduren opdateret og gennemgår den periodisk.',
      '- Sagsbehandler: følger proceduren og registrerer afvigelser.',
      '- Nærmeste leder: godkender nye versioner og sikrer, at medarbejderne kender proceduren.',
      '- Kvalitetskoordinator (systemansvarlig): fører kvalitetshåndbogen og følger op på gennemgange.',
    ],
    Fremgangsmåde: [
      '1. Henvendelsen journaliseres på en sag, og der sendes kvittering inden for 5 arbejdsdage.',
      '2. Sagen visiteres og fordeles til en sagsbehandler med de nødvendige kompetencer.',
      '3. Sagsbehandleren vurderer, om sagen er fuldt oplyst, og indhenter manglende oplysninger.',
      '4. Der foretages partshøring, hvor det er påkrævet, og afgørelsen træffes med klagevejledning.',
      '5. Afgørelsen offentliggøres, hvor reglerne kræver det, og sagen afsluttes og arkiveres.',
      ...(revision > 1
        ? [`Ændret i version ${revision}: tjeklisten for fuldt oplyst sag er udvidet efter intern audit.`]
        : []),
    ],
    Afvigelser: [
      'Kan proceduren ikke følges, aftales fravigelsen med nærmeste leder, og afvigelsen registreres i afvigelsesregistret med årsag og handling.',
    ],
    Registreringer: ['Sagens akter, partshøring, afgørelse og klagevejledning gemmes på sagen i ESDH-systemet.'],
    Referencer: [
      ...procedure.legalBasis.map((law) => `- ${law}`),
      `- DS/EN ISO 9001:2015, afsnit ${procedure.clauses.join(', ')}`,
      `- Grundlag for eksemplet: ${basisText[procedure.basis]}`,
    ],
  };
  return sections;
}

const basisText: Record<DemoProcedure['basis'], string> = {
  sourced: 'titlen er brugt af en dansk kommune (se shared/data/handbook-structure.md).',
  derived: 'emnet findes i kommunale kilder; ordlyden er konstrueret til demoen.',
  constructed: 'konstrueret eksempel – ikke hentet fra en kommunes håndbog.',
};
