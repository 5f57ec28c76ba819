import {
  makeStyles,
  Menu,
  MenuButton,
  MenuItemLink,
  MenuList,
  MenuPopover,
  MenuTrigger,
  tokens,
} from '@fluentui/react-components';
import { Link as RouterLink } from 'wouter';

export type HeaderLink = { href: string; label: string; isCurrent: boolean };

const useStyles = makeStyles({
  // Looks like the header's links beside it: the brand link colour, no button padding.
  trigger: {
    minWidth: 0,
    paddingLeft: 0,
    paddingRight: 0,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightRegular,
    whiteSpace: 'nowrap',
    color: tokens.colorBrandForegroundLink,
    ':hover': { color: tokens.colorBrandForegroundLinkHover, textDecoration: 'underline' },
    ':hover:active': { color: tokens.colorBrandForegroundLinkPressed },
  },
  current: { fontWeight: tokens.fontWeightSemibold, textDecoration: 'underline' },
  currentItem: { fontWeight: tokens.fontWeightSemibold },
});

/**
 * One group of the header's links as a Fluent menu: a button that opens a list of links (arrow
 * keys move, Escape closes and gives focus back to the button). The button is marked current
 * while one of its links is; a link navigates inside the tab like the header's other links.
 */
export function HeaderMenu(props: { label: string; links: HeaderLink[] }) {
  const styles = useStyles();
  const isCurrent = props.links.some((link) => link.isCurrent);
  return (
    <Menu>
      <MenuTrigger disableButtonEnhancement>
        <MenuButton
          appearance="transparent"
          className={`${styles.trigger} ${isCurrent ? styles.current : ''}`}
          aria-current={isCurrent ? 'true' : undefined}
        >
          {props.label}
        </MenuButton>
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          {props.links.map((link) => (
            <RouterLink key={link.href} href={link.href} asChild>
              <MenuItemLink
                href={link.href}
                className={link.isCurrent ? styles.currentItem : undefined}
                aria-current={link.isCurrent ? 'page' : undefined}
              >
                {link.label}
              </MenuItemLink>
            </RouterLink>
          ))}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}
