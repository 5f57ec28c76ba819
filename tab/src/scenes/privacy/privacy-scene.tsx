import { useI18n } from '../../i18n/i18n-context';
import type { MessageKey } from '../../i18n/messages';
import { PageHeading } from '../../shared/page-heading';
import { PageSection } from '../../shared/page-section';

const storedData: readonly MessageKey[] = [
  'privacy.dataProcedures',
  'privacy.dataApprovals',
  'privacy.dataReviews',
  'privacy.dataAcknowledgements',
  'privacy.dataAudit',
  'privacy.dataPeople',
  'privacy.dataChat',
];

/** The manifest's privacyUrl: static text, readable without signing in. */
export function PrivacyScene() {
  const { t } = useI18n();
  return (
    <>
      <PageHeading documentTitle={t('privacy.title')}>{t('privacy.title')}</PageHeading>
      <p>{t('privacy.intro')}</p>
      <PageSection id="privacy-data" heading={t('privacy.dataHeading')}>
        <p>{t('privacy.dataIntro')}</p>
        <ul>
          {storedData.map((key) => (
            <li key={key}>{t(key)}</li>
          ))}
        </ul>
        <p>{t('privacy.browser')}</p>
      </PageSection>
      <PageSection id="privacy-where" heading={t('privacy.whereHeading')}>
        <p>{t('privacy.whereProduction')}</p>
        <p>{t('privacy.whereDemo')}</p>
      </PageSection>
      <PageSection id="privacy-controller" heading={t('privacy.controllerHeading')}>
        <p>{t('privacy.controller')}</p>
      </PageSection>
      <PageSection id="privacy-retention" heading={t('privacy.retentionHeading')}>
        <p>{t('privacy.retention')}</p>
      </PageSection>
      <PageSection id="privacy-contact" heading={t('privacy.contactHeading')}>
        <p>{t('privacy.contact')}</p>
      </PageSection>
    </>
  );
}
