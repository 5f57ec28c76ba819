import { Link, Menu, MenuItemLink, MenuList, MenuPopover, MenuTrigger } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import { Link as RouterLink } from 'wouter';
import type { PopupProps } from './header-menu';

/**
 * One group of the header's links as a Fluent menu: a button that opens a list of links (arrow
 * keys move, Escape closes and gives focus back to the button). The button is marked current
 * while one of its links is; a link navigates inside the tab like the header's other links.
 * Loaded after the first render (header-menu.tsx), which says whether its stand-in had focus and
 * was pressed.
 */
export function HeaderMenuPopup(props: PopupProps) {
  const trigger = useRef<HTMLButtonElement>(null);
  const hadFocus = useRef(props.hasFocus);
  const [isOpen, setOpen] = useState(props.isOpen);
  // Asked open, the menu takes the focus itself (its first item); else the button takes it.
  const wasOpenAsked = useRef(props.isOpen);
  useEffect(() => {
    if (hadFocus.current && !wasOpenAsked.current) trigger.current?.focus();
  }, []);
  return (
    <Menu open={isOpen} onOpenChange={(_, data) => setOpen(data.open)}>
      <MenuTrigger disableButtonEnhancement>
        <Link as="button" ref={trigger} className={props.className} aria-current={props.isCurrent ? 'true' : undefined}>
          {props.content}
        </Link>
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          {props.links.map((link) => (
            <RouterLink key={link.href} href={link.href} asChild>
              <MenuItemLink
                href={link.href}
                className={link.isCurrent ? props.currentItemClassName : undefined}
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
