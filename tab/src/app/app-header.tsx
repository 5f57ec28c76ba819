import { makeStyles, tokens } from '@fluentui/react-components';
import { useI18n } from '../i18n/i18n-context';
import { AppLink } from '../router/app-link';
import { useResolvedLocation } from '../router/navigation';
import { paths, scenes, type Scene, type SceneName } from '../router/routes';
import type { Session } from '../session/session-context';
import { HeaderSearch } from './header-search';
import { LanguagePicker } from './language-picker';
import { UserPicker } from './user-picker';

const useStyles = makeStyles({
  header: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalXL,
    rowGap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalXXL}`,
    backgroundColor: tokens.colorNeutralBackground2,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    '@media (max-width: 640px)': { padding: tokens.spacingHorizontalM },
  },
  brand: { display: 'flex', flexDirection: 'column' },
  appName: {
    fontSize: tokens.fontSizeBase500,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground1,
  },
  organisation: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  // The links wrap, item by item, so every one stays reachable in a narrow tab (WCAG 1.4.10 reflow).
  nav: { display: 'flex', minWidth: 0, maxWidth: '100%' },
  navList: {
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXS,
    listStyle: 'none',
    margin: 0,
    padding: 0,
  },
  navLink: { fontSize: tokens.fontSizeBase300, whiteSpace: 'nowrap' },
  current: { fontWeight: tokens.fontWeightSemibold, textDecoration: 'underline' },
  tools: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: tokens.spacingHorizontalM,
    marginLeft: 'auto',
    maxWidth: '100%',
    minWidth: 0,
  },
});

export function AppHeader(props: { session: Session }) {
  const { t } = useI18n();
  const styles = useStyles();
  const location = useResolvedLocation();
  const { me } = props.session;

  // The table's scenes with a header link that this person may see, in table order.
  const current = location.kind === 'scene' ? location.name : null;
  const links = (Object.keys(scenes) as SceneName[]).flatMap((name) => {
    const scene: Scene = scenes[name];
    if (!scene.nav || scene.access !== 'signed-in' || !scene.canSee(me)) return [];
    const isCurrent = current !== null && (current === name || scenes[current].section === name);
    return [{ href: paths[name](), label: t(scene.nav), isCurrent }];
  });

  return (
    <header className={styles.header}>
      <div className={styles.brand}>
        <span className={styles.appName}>{t('app.name')}</span>
        <span className={styles.organisation}>{me.organisationName}</span>
      </div>
      <nav aria-label={t('app.mainNavigation')} className={styles.nav}>
        <ul className={styles.navList}>
          {links.map((link) => (
            <li key={link.href}>
              <AppLink
                href={link.href}
                className={`${styles.navLink} ${link.isCurrent ? styles.current : ''}`}
                aria-current={link.isCurrent ? 'page' : undefined}
              >
                {link.label}
              </AppLink>
            </li>
          ))}
        </ul>
      </nav>
      <div className={styles.tools}>
        <HeaderSearch />
        <LanguagePicker />
        {me.abilities.switchUser ? <UserPicker session={props.session} /> : null}
      </div>
    </header>
  );
}
