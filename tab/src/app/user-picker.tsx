import { Field, makeStyles, Select } from '@fluentui/react-components';
import { useI18n } from '../i18n/i18n-context';
import type { Session } from '../session/session-context';

// Names with long titles must not widen the header past a narrow tab (WCAG 1.4.10 reflow).
const useStyles = makeStyles({
  field: { maxWidth: '100%', minWidth: 0 },
  select: { maxWidth: '100%', textOverflow: 'ellipsis' },
});

/** Local demo only: act as any demo person. Switching reloads every scene's data. */
export function UserPicker(props: { session: Session }) {
  const { t } = useI18n();
  const { me, people, switchUser } = props.session;
  const styles = useStyles();
  return (
    <Field className={styles.field} label={t('header.signInAs')} size="small" hint={t('header.localMode')}>
      <Select
        className={styles.field}
        select={{ className: styles.select }}
        size="small"
        data-testid="user-picker"
        value={me.person.id}
        onChange={(_, data) => switchUser(data.value)}
      >
        {people.map((person) => (
          <option key={person.id} value={person.id}>
            {person.name} – {person.title}
          </option>
        ))}
      </Select>
    </Field>
  );
}
