import { makeStyles, tokens } from '@fluentui/react-components';
import type { MeDto } from '../api/contract';
import { useI18n } from '../i18n/i18n-context';
import { AppLink } from '../router/app-link';
import { useResolvedLocation } from '../router/navigation';
import { navGroups, paths, scenes, type NavGroup, type Scene, type SceneName } from '../router/routes';
import type { Session } from '../session/session-context';
import { HeaderMenu, type HeaderLink } from './header-menu';
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
  navItem: { display: 'flex', alignItems: 'center' },
  navLink: { fontSize: tokens.fontSizeBase300, whiteSpace: 'nowrap' },
  current: { fontWeight: tokens.fontWeightSemibold, textDecoration: 'underline' },
  currentItem: { fontWeight: tokens.fontWeightSemibold },
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

type HeaderItem = ({ kind: 'link' } & HeaderLink) | { kind: 'menu'; group: NavGroup; links: HeaderLink[] };

/**
 * The header's items from the scene table, in table order: the links this person may see that
 * stand alone, and one menu per group at the place of its first visible link (a group without
 * one is left out). The current scene's link, or the link of the section it belongs to, is current.
 */
function headerItemsOf(me: MeDto, current: SceneName | null, label: (scene: Scene) => string): HeaderItem[] {
  const currentScene: Scene | null = current === null ? null : scenes[current];
  const currentLink = currentScene?.nav ? current : (currentScene?.section ?? null);
  const items: HeaderItem[] = [];
  const menus = new Map<NavGroup, HeaderLink[]>();
  for (const name of Object.keys(scenes) as SceneName[]) {
    const scene: Scene = scenes[name];
    if (!scene.nav || scene.access !== 'signed-in' || !scene.canSee(me)) continue;
    const link: HeaderLink = { href: paths[name](), label: label(scene), isCurrent: currentLink === name };
    if (!scene.group) {
      items.push({ kind: 'link', ...link });
      continue;
    }
    const menu = menus.get(scene.group);
    if (menu) menu.push(link);
    else {
      const links = [link];
      menus.set(scene.group, links);
      items.push({ kind: 'menu', group: scene.group, links });
    }
  }
  return items;
}

export function AppHeader(props: { session: Session }) {
  const { t } = useI18n();
  const styles = useStyles();
  const location = useResolvedLocation();
  const { me } = props.session;
  const current = location.kind === 'scene' ? location.name : null;
  const items = headerItemsOf(me, current, (scene) => (scene.nav ? t(scene.nav) : ''));

  return (
    <header className={styles.header}>
      <div className={styles.brand}>
        <span className={styles.appName}>{t('app.name')}</span>
        <span className={styles.organisation}>{me.organisationName}</span>
      </div>
      <nav aria-label={t('app.mainNavigation')} className={styles.nav}>
        <ul className={styles.navList}>
          {items.map((item) =>
            item.kind === 'link' ? (
              <li key={item.href} className={styles.navItem}>
                <AppLink
                  href={item.href}
                  className={`${styles.navLink} ${item.isCurrent ? styles.current : ''}`}
                  aria-current={item.isCurrent ? 'page' : undefined}
                >
                  {item.label}
                </AppLink>
              </li>
            ) : (
              <li key={item.group} className={styles.navItem}>
                <HeaderMenu
                  label={t(navGroups[item.group])}
                  links={item.links}
                  className={`${styles.navLink} ${item.links.some((link) => link.isCurrent) ? styles.current : ''}`}
                  currentItemClassName={styles.currentItem}
                />
              </li>
            ),
          )}
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
