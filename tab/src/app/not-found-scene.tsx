import { useI18n } from '../i18n/i18n-context';
import { AppLink } from '../router/app-link';
import { paths } from '../router/routes';
import { PageHeading } from '../shared/page-heading';

export function NotFoundScene() {
  const { t } = useI18n();
  return (
    <>
      <PageHeading documentTitle={t('app.notFound')}>{t('app.notFound')}</PageHeading>
      <p>{t('app.notFoundBody')}</p>
      <AppLink href={paths.handbook()}>{t('app.backToHandbook')}</AppLink>
    </>
  );
}
