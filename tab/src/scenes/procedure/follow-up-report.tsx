import type { AcknowledgementReport, UnitDto } from '../../api/contract';
import { useI18n } from '../../i18n/i18n-context';
import { useHistoryStyles } from './approval-trail';

/** For owners and coordinators: who has confirmed "læst og forstået", and who has not yet. */
export function FollowUpReport(props: { report: AcknowledgementReport; units: readonly UnitDto[] }) {
  const { t } = useI18n();
  const styles = useHistoryStyles();
  const { report } = props;
  if (!report.versionId || report.requested === 0) return <p className={styles.empty}>{t('ack.noRequest')}</p>;
  const unitName = (id: string) => props.units.find((unit) => unit.id === id)?.name ?? id;
  return (
    <>
      <p>
        {t('ack.followUpSummary', {
          acknowledged: report.acknowledged.length,
          requested: report.requested,
          label: report.versionLabel ?? '',
        })}
      </p>
      {report.missing.length === 0 ? (
        <p className={styles.empty}>{t('ack.allDone')}</p>
      ) : (
        <>
          <h3>{t('ack.missing')}</h3>
          <ul>
            {report.missing.map((entry) => (
              <li key={entry.person.id}>
                {entry.person.name} <span className={styles.muted}>({unitName(entry.unitId)})</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
