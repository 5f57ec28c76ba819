import { Link } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { Link as RouterLink } from 'wouter';

type AppLinkProps = {
  href: string;
  children: ReactNode;
  className?: string | undefined;
  'aria-current'?: 'page' | undefined;
  'aria-label'?: string | undefined;
};

/**
 * A Fluent link that navigates inside the tab (wouter's Link: plain left clicks stay in the
 * app; modified and middle clicks open as the browser does).
 */
export function AppLink(props: AppLinkProps) {
  return (
    <RouterLink href={props.href} asChild>
      <Link className={props.className} aria-current={props['aria-current']} aria-label={props['aria-label']}>
        {props.children}
      </Link>
    </RouterLink>
  );
}
