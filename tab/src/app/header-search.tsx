import { Input, Label, makeStyles, tokens, useId } from '@fluentui/react-components';
import { SearchRegular } from '@fluentui/react-icons';
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n/i18n-context';
import { useNavigate, useResolvedLocation } from '../router/navigation';
import { paths } from '../router/routes';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  input: { minWidth: '18rem', '@media (max-width: 640px)': { minWidth: '100%' } },
});

const debounceMs = 300;

/**
 * The search box in every page's header. Typing shows results as you go (debounced) on /search,
 * replacing the history entry so Back leaves the search rather than stepping through keystrokes.
 */
export function HeaderSearch() {
  const { t } = useI18n();
  const styles = useStyles();
  const location = useResolvedLocation();
  const navigate = useNavigate();
  const isOnSearch = location.kind === 'scene' && location.name === 'search';
  const inputId = useId('search');
  const routeQuery = isOnSearch ? (location.query.get('q') ?? '') : null;
  const [value, setValue] = useState(routeQuery ?? '');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  // Follow the URL when it changes from outside (Back, a link to /search?q=…).
  useEffect(() => {
    if (routeQuery !== null) setValue((current) => (current.trim() === routeQuery.trim() ? current : routeQuery));
  }, [routeQuery]);

  useEffect(() => () => clearTimeout(timer.current), []);

  const go = (query: string) => {
    clearTimeout(timer.current);
    navigate(paths.search({ q: query.trim() }), { replace: isOnSearch, keepFocus: true });
  };

  return (
    <form
      role="search"
      aria-label={t('search.label')}
      className={styles.form}
      onSubmit={(event) => {
        event.preventDefault();
        go(value);
      }}
    >
      <Label htmlFor={inputId} size="small">
        {t('search.label')}
      </Label>
      <Input
        id={inputId}
        type="search"
        size="small"
        className={styles.input}
        value={value}
        placeholder={t('search.placeholder')}
        contentBefore={<SearchRegular aria-hidden />}
        onChange={(_, data) => {
          setValue(data.value);
          clearTimeout(timer.current);
          // Clearing the box on another page is not a search; on /search it shows the empty state.
          if (!isOnSearch && !data.value.trim()) return;
          timer.current = setTimeout(() => go(data.value), debounceMs);
        }}
      />
    </form>
  );
}
