import { Field, Select } from '@fluentui/react-components';
import { useI18n } from '../i18n/i18n-context';
import type { Session } from '../session/session-context';

/** Local demo only: act as any demo person. Switching reloads every scene's data. */
export function UserPicker(props: { session: Session }) {
  const { t } = useI18n();
  const { me, people, switchUser } = props.session;
  return (
    <Field label={t('header.signInAs')} size="small" hint={t('header.localMode')}>
      <Select
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
