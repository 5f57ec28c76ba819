import {
  Button,
  Dropdown,
  Field,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Option,
  OptionGroup,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useApi } from '../../app/api-context';
import { useI18n, type Translate } from '../../i18n/i18n-context';
import { Loading } from '../../shared/loading';
import { queryKeyOf, useApiQuery } from '../../api/query-client';
import type { TabConfiguration, TabInstance } from '../../teams/tab-configuration';
import { choiceKey, tabChoices, tabInstanceFor, wholeHandbook, type TabChoice } from './tab-choice';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '32rem' },
  intro: { margin: 0 },
  status: { margin: 0, color: tokens.colorNeutralForeground2, minHeight: tokens.lineHeightBase300 },
  // As OptionDropdown: no 250 px minimum at 320 px, and options never cut.
  dropdown: { minWidth: 0, maxWidth: '100%' },
  listbox: { minWidth: 'max-content', maxWidth: 'calc(100vw - 16px)' },
});

function optionLabel(choice: TabChoice, t: Translate): string {
  if (choice.kind === 'handbook') return t('configure.wholeHandbook');
  if (choice.kind === 'level') return t('configure.wholeLevel', { level: t(`levelPlural.${choice.level}`) });
  return choice.area;
}

function tabName(choice: TabChoice, t: Translate): string {
  if (choice.kind === 'handbook') return t('configure.tabName');
  if (choice.kind === 'level') return t(`levelPlural.${choice.level}`);
  return choice.area;
}

/**
 * What the tab shows: the whole handbook, one process level or one area. Teams' Save button is
 * enabled once a choice is made; Save stores the handbook's address with the choice as filters.
 * When the areas cannot be loaded, only the whole handbook is offered.
 */
export function TabChoiceForm(props: { configuration: TabConfiguration; saved: TabChoice | null }) {
  const { t } = useI18n();
  const styles = useStyles();
  const api = useApi();
  const { configuration } = props;
  const areas = useApiQuery(queryKeyOf('procedures-areas'), (signal) => api.listAreas(signal));
  const [picked, setPicked] = useState<TabChoice | null>(props.saved);

  const groups = useMemo(() => tabChoices(areas.data?.areas ?? []), [areas.data]);
  const offered = useMemo(
    () => new Map([wholeHandbook, ...groups.flatMap((group) => group.choices)].map((c) => [choiceKey(c), c])),
    [groups],
  );
  const choice = picked && offered.has(choiceKey(picked)) ? picked : null;
  const name = choice ? tabName(choice, t) : null;
  const instance = useMemo(
    () => (choice && name ? tabInstanceFor(choice, window.location.origin, name) : null),
    [choice, name],
  );

  // Teams asks for the configuration when Save is selected, so the handler reads the latest one.
  const latest = useRef<TabInstance | null>(null);
  useEffect(() => {
    latest.current = instance;
    configuration.setValid(instance !== null);
  }, [configuration, instance]);
  useEffect(() => {
    configuration.onSave(() => latest.current);
  }, [configuration]);

  return (
    <div className={styles.form}>
      <p className={styles.intro}>{t('configure.intro')}</p>
      {areas.error ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{t('configure.areasFailed')}</MessageBarBody>
          <MessageBarActions>
            <Button onClick={areas.reload}>{t('app.retry')}</Button>
          </MessageBarActions>
        </MessageBar>
      ) : null}
      {areas.isLoading && !areas.data ? (
        <Loading label={t('app.loading')} />
      ) : (
        <Field label={t('configure.choiceLabel')} hint={t('configure.choiceHint')}>
          <Dropdown
            className={styles.dropdown}
            listbox={{ className: styles.listbox }}
            clearButton={null}
            placeholder={t('configure.choicePlaceholder')}
            value={choice ? optionLabel(choice, t) : ''}
            selectedOptions={choice ? [choiceKey(choice)] : []}
            onOptionSelect={(_, data) => setPicked(offered.get(data.optionValue ?? '') ?? null)}
          >
            <Option value={choiceKey(wholeHandbook)}>{optionLabel(wholeHandbook, t)}</Option>
            {groups.map((group) => (
              <OptionGroup key={group.level} label={t(`levelPlural.${group.level}`)}>
                {group.choices.map((option) => (
                  <Option key={choiceKey(option)} value={choiceKey(option)}>
                    {optionLabel(option, t)}
                  </Option>
                ))}
              </OptionGroup>
            ))}
          </Dropdown>
        </Field>
      )}
      <p role="status" className={styles.status}>
        {name ? t('configure.chosen', { name }) : ''}
      </p>
    </div>
  );
}
