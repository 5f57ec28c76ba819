import { useI18n } from '../../i18n/i18n-context';
import { PageHeading } from '../../shared/page-heading';
import type { TeamsHost } from '../../teams/teams-host';
import { ConfigureOutsideTeams } from './configure-outside-teams';
import { TeamsTabSetup } from './teams-tab-setup';

/**
 * The manifest's configurationUrl: Teams opens it when the app is added as a tab to a channel or
 * group chat (and when such a tab's settings are changed). It runs without the signed-in shell.
 */
export function ConfigureScene(props: { teams: TeamsHost | null }) {
  const { t } = useI18n();
  return (
    <>
      <PageHeading documentTitle={t('configure.title')}>{t('configure.title')}</PageHeading>
      {props.teams ? <TeamsTabSetup /> : <ConfigureOutsideTeams />}
    </>
  );
}
