import { useI18n } from '../../i18n/i18n-context';
import { AppLink } from '../../router/app-link';
import { paths } from '../../router/routes';

/** In a plain browser the page has nothing to configure: it says what it is for. */
export function ConfigureOutsideTeams() {
  const { t } = useI18n();
  return (
    <>
      <p>{t('configure.outsideTeams')}</p>
      <p>
        <AppLink href={paths.handbook()}>{t('app.backToHandbook')}</AppLink>
      </p>
    </>
  );
}
