import { Link } from '@fluentui/react-components';
import { ChevronDownRegular } from '@fluentui/react-icons';
import { useEffect, useRef, useState, type ComponentType, type ReactNode } from 'react';

export type HeaderLink = { href: string; label: string; isCurrent: boolean };

export type HeaderMenuProps = {
  label: string;
  links: HeaderLink[];
  /** The header link's classes (its look, and the current mark while one of the links is current). */
  className: string;
  /** The class of the current link in the open menu. */
  currentItemClassName: string;
};

export type PopupProps = HeaderMenuProps & {
  content: ReactNode;
  isCurrent: boolean;
  hasFocus: boolean;
  isOpen: boolean;
};

// Fluent's Menu brings its positioning and focus machinery (~45 KB gzipped): it is loaded just
// after the first render, so the tab's initial JavaScript stays within its budget
// (bench/bundle-size.ts). One import for every menu of the header.
let popupLoad: Promise<ComponentType<PopupProps>> | null = null;
function loadPopup(): Promise<ComponentType<PopupProps>> {
  popupLoad ??= import('./header-menu-popup').then((module) => module.HeaderMenuPopup);
  return popupLoad;
}

/**
 * One group of the header's links as a menu (header-menu-popup.tsx). Until that module has
 * loaded (just after the first render), a button that looks the same stands in: pressed, it asks
 * for the menu open, and the menu takes over its focus.
 */
export function HeaderMenu(props: HeaderMenuProps) {
  const [popup, setPopup] = useState<{ Popup: ComponentType<PopupProps>; hasFocus: boolean } | null>(null);
  const [isOpenAsked, setOpenAsked] = useState(false);
  const standIn = useRef<HTMLButtonElement>(null);
  const isCurrent = props.links.some((link) => link.isCurrent);
  // The button looks like the header's links beside it, with a chevron.
  const content = (
    <>
      {props.label}
      <ChevronDownRegular aria-hidden style={{ verticalAlign: 'middle', marginLeft: '2px' }} />
    </>
  );

  useEffect(() => {
    let isMounted = true;
    void loadPopup().then(
      (Popup) => isMounted && setPopup({ Popup, hasFocus: standIn.current === document.activeElement }),
      () => undefined,
    );
    return () => {
      isMounted = false;
    };
  }, []);

  if (popup)
    return (
      <popup.Popup {...props} content={content} isCurrent={isCurrent} hasFocus={popup.hasFocus} isOpen={isOpenAsked} />
    );
  return (
    <Link
      as="button"
      ref={standIn}
      className={props.className}
      aria-haspopup="menu"
      aria-expanded={false}
      aria-current={isCurrent ? 'true' : undefined}
      onClick={() => setOpenAsked(true)}
    >
      {content}
    </Link>
  );
}
