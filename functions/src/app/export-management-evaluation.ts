import { localDateOf } from '../core/local-date.js';
import type { Locale } from '../core/locale.js';
import type { Actor } from '../core/policies.js';
import { buildEvaluationReportDocx } from '../documents/evaluation-report-docx.js';
import { buildEvaluationReportPdf } from '../documents/evaluation-report-pdf.js';
import { serverTexts } from '../i18n/server-texts.js';
import { getEvaluationPack } from './management-evaluation-views.js';
import type { Services } from './ports.js';

/** The evaluation report (record and live pack) as A4 PDF or .docx in da, nb or en. Anyone signed in may read it. */
export async function exportManagementEvaluation(
  services: Services,
  _actor: Actor,
  input: { evaluationId: string; format: 'pdf' | 'docx'; locale: Locale },
): Promise<{ bytes: Uint8Array; mediaType: string; fileName: string }> {
  const pack = await getEvaluationPack(services, input.evaluationId);
  const printedOn = localDateOf(services.clock.now(), services.settings.timeZone);
  const name = `${serverTexts(input.locale, 'exports')('evaluation.fileName')} ${pack.year}`;
  if (input.format === 'pdf') {
    return {
      bytes: await buildEvaluationReportPdf(pack, input.locale, printedOn),
      mediaType: 'application/pdf',
      fileName: `${name}.pdf`,
    };
  }
  return {
    bytes: await buildEvaluationReportDocx(pack, input.locale, printedOn),
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    fileName: `${name}.docx`,
  };
}
