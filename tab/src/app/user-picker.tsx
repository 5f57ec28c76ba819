import { makeStyles } from '@fluentui/react-components';
import { useI18n } from '../i18n/i18n-context';
import type { Session } from '../session/session-context';
import { LazyOptionDropdown } from '../shared/lazy-option-dropdown';

// Names with long titles must not widen the header past a narrow tab (WCAG 1.4.10 reflow).
const useStyles = makeStyles({
  field: { maxWidth: '100%', minWidth: 0 },
  dropdown: { maxWidth: '100%' },
});

/** Local demo only: act as any demo person. Switching reloads every scene's data. */
export function UserPicker(props: { session: Session }) {
  const { t } = useI18n();
  const { me, people, switchUser } = props.session;
  const styles = useStyles();
  return (
    <LazyOptionDropdown
      fieldClassName={styles.field}
      className={styles.dropdown}
      label={t('header.signInAs')}
      hint={t('header.localMode')}
      size="small"
      data-testid="user-picker"
      options={people.map((person) => ({ value: person.id, text: `${person.name} – ${person.title}` }))}
      value={me.person.id}
      onChange={switchUser}
    />
  );
}
