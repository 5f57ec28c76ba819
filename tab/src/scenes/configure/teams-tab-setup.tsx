import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useI18n } from '../../i18n/i18n-context';
import { Loading } from '../../shared/loading';
import { TabChoiceForm } from './tab-choice-form';
import { useTabConfiguration } from './use-tab-configuration';

/** Inside Teams: waits for Teams' configuration API, then offers the choice. */
export function TeamsTabSetup() {
  const { t } = useI18n();
  const state = useTabConfiguration();
  if (state.status === 'connecting') return <Loading label={t('app.loading')} />;
  if (state.status === 'unsupported') {
    return (
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>{t('configure.unsupported')}</MessageBarBody>
      </MessageBar>
    );
  }
  return <TabChoiceForm configuration={state.configuration} saved={state.saved} />;
}
