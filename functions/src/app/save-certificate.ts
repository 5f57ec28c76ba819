import { validateCertificateDates } from '../core/certification-cycle.js';
import { AppError } from '../core/errors.js';
import type { LocalDate } from '../core/local-date.js';
import { canManageQuality, ensure, type Actor } from '../core/policies.js';
import type { Certificate } from '../core/quality-year-types.js';
import type { Services } from './ports.js';
import { ensureFresh, firstVersion, nextVersion, qualityTrail, stampOf } from './quality-records.js';

export type CertificateFields = {
  body: string;
  standard: string;
  scope: string;
  certificateNumber: string;
  issuedOn: string;
  expiresOn: string;
  cycleYears: 3 | 4;
  isActive: boolean;
};

function ensureValidDates(certificate: { issuedOn: string; expiresOn: string; cycleYears: number }): void {
  const problems = validateCertificateDates(certificate);
  if (problems.length > 0)
    throw new AppError('VALIDATION', `The certificate’s dates do not fit: ${problems.map((p) => p.code).join(', ')}.`, {
      field: 'expiresOn',
      problems,
    });
}

/**
 * Registers a certificate (coordinator); its dates must fit its cycle (validateCertificateDates).
 * A new active certificate replaces the earlier-issued active ones for the same standard (a
 * recertification's new certificate): they are marked inactive in the same write, so the
 * certificate panel, the årshjul and the certifier's cycle follow the one in force.
 */
export async function createCertificate(
  services: Services,
  actor: Actor,
  fields: CertificateFields,
): Promise<Certificate> {
  ensure(canManageQuality(actor), 'Only the quality coordinator manages the certificate.');
  ensureValidDates(fields);
  const stamp = stampOf(services, actor);
  const certificate: Certificate = {
    id: services.ids.next(),
    ...fields,
    issuedOn: fields.issuedOn as LocalDate,
    expiresOn: fields.expiresOn as LocalDate,
    ...firstVersion(stamp),
  };
  const superseded = certificate.isActive
    ? (await services.quality.listCertificates()).filter(
        (each) => each.isActive && each.standard === certificate.standard && each.issuedOn < certificate.issuedOn,
      )
    : [];
  await services.quality.commit({
    expect: [
      { collection: 'certificates', id: certificate.id, etag: 0 },
      ...superseded.map((each) => ({ collection: 'certificates' as const, id: each.id, etag: each.etag })),
    ],
    certificates: [
      certificate,
      ...superseded.map((each) => ({ ...each, isActive: false, ...nextVersion(each, stamp) })),
    ],
    trail: [
      ...superseded.map((each) =>
        qualityTrail(stamp, 'certificate.superseded', each.id, `Certifikat erstattet: ${each.body}`, {
          supersededBy: certificate.id,
        }),
      ),
      qualityTrail(
        stamp,
        'certificate.created',
        certificate.id,
        `Certifikat: ${certificate.body}, ${certificate.standard}`,
        {
          issuedOn: certificate.issuedOn,
          expiresOn: certificate.expiresOn,
          cycleYears: certificate.cycleYears,
        },
      ),
    ],
  });
  return certificate;
}

/** Changes a certificate; the dates are checked as they will be after the change. */
export async function updateCertificate(
  services: Services,
  actor: Actor,
  input: { certificateId: string; etag: number; changes: Partial<CertificateFields> },
): Promise<Certificate> {
  ensure(canManageQuality(actor), 'Only the quality coordinator manages the certificate.');
  const current = (await services.quality.listCertificates()).find((each) => each.id === input.certificateId);
  if (!current) throw new AppError('NOT_FOUND', `No certificate with id ${input.certificateId}.`);
  ensureFresh('certificates', current, input.etag);
  const merged = { ...current, ...input.changes };
  ensureValidDates(merged);
  const stamp = stampOf(services, actor);
  const certificate: Certificate = {
    ...merged,
    issuedOn: merged.issuedOn as LocalDate,
    expiresOn: merged.expiresOn as LocalDate,
    ...nextVersion(current, stamp),
  };
  await services.quality.commit({
    expect: [{ collection: 'certificates', id: certificate.id, etag: current.etag }],
    certificates: [certificate],
    trail: [
      qualityTrail(stamp, 'certificate.updated', certificate.id, `Certifikat ændret: ${certificate.body}`, {
        changes: input.changes,
      }),
    ],
  });
  return certificate;
}
