import { useI18n } from '../../i18n/i18n-context';
import { AppLink } from '../../router/app-link';
import { paths } from '../../router/routes';
import { PageHeading } from '../../shared/page-heading';
import { PageSection } from '../../shared/page-section';

/** The manifest's termsOfUseUrl: static text, readable without signing in. */
export function TermsScene() {
  const { t } = useI18n();
  return (
    <>
      <PageHeading documentTitle={t('terms.title')}>{t('terms.title')}</PageHeading>
      <p>{t('terms.intro')}</p>
      <PageSection id="terms-use" heading={t('terms.useHeading')}>
        <p>{t('terms.use')}</p>
      </PageSection>
      <PageSection id="terms-content" heading={t('terms.contentHeading')}>
        <p>{t('terms.content')}</p>
      </PageSection>
      <PageSection id="terms-warranty" heading={t('terms.warrantyHeading')}>
        <p>{t('terms.warranty')}</p>
      </PageSection>
      <PageSection id="terms-privacy" heading={t('terms.privacyHeading')}>
        <p>{t('terms.privacy')}</p>
        <p>
          <AppLink href={paths.privacy()}>{t('terms.privacyLink')}</AppLink>
        </p>
      </PageSection>
      <PageSection id="terms-contact" heading={t('terms.contactHeading')}>
        <p>{t('terms.contact')}</p>
      </PageSection>
    </>
  );
}
