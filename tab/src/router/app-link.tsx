import { Link } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useLinkClick } from './router';

type AppLinkProps = {
  href: string;
  children: ReactNode;
  className?: string | undefined;
  'aria-current'?: 'page' | undefined;
  'aria-label'?: string | undefined;
};

/** A Fluent link that navigates inside the tab without reloading the page. */
export function AppLink(props: AppLinkProps) {
  const onClick = useLinkClick(props.href);
  return (
    <Link
      href={props.href}
      onClick={onClick}
      className={props.className}
      aria-current={props['aria-current']}
      aria-label={props['aria-label']}
    >
      {props.children}
    </Link>
  );
}
