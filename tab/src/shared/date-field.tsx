import { Input, makeStyles, tokens } from '@fluentui/react-components';
import { CalendarMonthRegular } from '@fluentui/react-icons';
import {
  DatePicker,
  type CalendarStrings,
  type DatePickerErrorType,
  type DatePickerProps,
} from '@fluentui/react-datepicker-compat';
import { useCallback, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { dateFromIso, datePattern, formatDateInput, isoFromDate, parseDateInput } from '../i18n/date-input';
import { useI18n, type Translate } from '../i18n/i18n-context';
import { intlTags, type Locale } from '../../../functions/src/core/locale';

// DayOfWeek.Monday: the enum lives in @fluentui/react-calendar-compat, which the tab does not
// import directly. Weeks start on Monday in Denmark and Norway (and in the en-GB calendar).
const monday = 1 as NonNullable<DatePickerProps['firstDayOfWeek']>;

/** "5-1-2027", "05.01.2027", "05012027" (day first, four-digit year typed) or a whole "2027-01-05". */
const wholeDayFirstDate = /^\s*(?:\d{1,2}\D+\d{1,2}\D+\d{4}|\d{8}|\d{4}-\d{2}-\d{2})\s*$/;

/**
 * The DatePicker registers a Tabster modalizer when it mounts, and Tabster then adds focusable
 * aria-hidden sentinels to the page (axe: aria-hidden-focus) which it only makes inert when focus
 * next enters the app. So a date field is a plain Fluent Input with the same text and icon until
 * it is first focused or pressed; then the real DatePicker takes its place and the focus, and
 * Tabster sees that focus arrive.
 */
const useStyles = makeStyles({
  picker: { minWidth: 0, maxWidth: '100%' },
  error: { color: tokens.colorPaletteRedForeground1, fontSize: tokens.fontSizeBase200 },
});

/** Month and weekday names from Intl in the UI language (Sunday first, as the calendar expects). */
function calendarStrings(locale: Locale, t: Translate): CalendarStrings {
  const tag = intlTags[locale];
  const month = (style: 'long' | 'short') =>
    Array.from({ length: 12 }, (_, index) =>
      new Intl.DateTimeFormat(tag, { month: style, timeZone: 'UTC' })
        .format(new Date(Date.UTC(2027, index, 1)))
        .replace(/\.$/, ''),
    );
  // 3 January 2027 is a Sunday.
  const day = (style: 'long' | 'short') =>
    Array.from({ length: 7 }, (_, index) =>
      new Intl.DateTimeFormat(tag, { weekday: style, timeZone: 'UTC' })
        .format(new Date(Date.UTC(2027, 0, 3 + index)))
        .replace(/\.$/, ''),
    );
  return {
    months: month('long'),
    shortMonths: month('short'),
    days: day('long'),
    shortDays: day('short').map((name) => name.slice(0, 2)),
    goToToday: t('date.goToToday'),
    prevMonthAriaLabel: t('date.prevMonth'),
    nextMonthAriaLabel: t('date.nextMonth'),
    prevYearAriaLabel: t('date.prevYear'),
    nextYearAriaLabel: t('date.nextYear'),
    prevYearRangeAriaLabel: t('date.prevYears'),
    nextYearRangeAriaLabel: t('date.nextYears'),
    closeButtonAriaLabel: t('date.close'),
    selectedDateFormatString: t('date.selected'),
    todayDateFormatString: t('date.today'),
  };
}

type CalendarFormatting = NonNullable<DatePickerProps['dateTimeFormatter']>;

/**
 * How the calendar names dates, in the UI language. A month button's name is the short name it
 * shows ("jan", not "januar": WCAG 2.5.3, the name contains the visible label), and a day's is
 * the language's own order ("5. januar 2027", not Fluent's "januar 5, 2027").
 */
function calendarFormatting(locale: keyof typeof intlTags): CalendarFormatting {
  const tag = intlTags[locale];
  const format = (options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(tag, options);
  const fullDate = format({ day: 'numeric', month: 'long', year: 'numeric' });
  const monthYear = format({ month: 'long', year: 'numeric' });
  return {
    formatDay: (date) => String(date.getDate()),
    formatMonthDayYear: (date) => fullDate.format(date),
    formatMonthYear: (date) => monthYear.format(date),
    formatMonth: (date, strings) => strings.shortMonths[date.getMonth()] ?? '',
    formatYear: (date) => String(date.getFullYear()),
  };
}

/**
 * The one date field of the tab: Fluent's DatePicker with the app's date format (05-01-2027 in
 * Danish), weeks from Monday, month and day names in the UI language, and typed dates read day
 * first. Put it inside a Fluent `Field` (which gives it its label). The value is a calendar date
 * "YYYY-MM-DD" or "" for none; a typed text that is not a date stays in the field with a message
 * and does not change the value.
 */
export function DateField(props: {
  value: string;
  onChange(value: string): void;
  required?: boolean;
  disabled?: boolean;
  minDate?: string;
  maxDate?: string;
  'aria-label'?: string;
}) {
  const { locale, t } = useI18n();
  const styles = useStyles();
  const errorId = useId();
  const [error, setError] = useState<DatePickerErrorType | null>(null);
  const strings = useMemo(() => calendarStrings(locale, t), [locale, t]);
  const formatting = useMemo(() => calendarFormatting(locale), [locale]);
  const pattern = datePattern(locale, t('date.yearLetters'));
  const messages: Record<DatePickerErrorType, string> = {
    'invalid-input': t('date.invalid', { pattern, example: formatDateInput('2027-01-05', locale) }),
    'required-input': t('date.required'),
    'out-of-bounds': t('date.outOfBounds'),
  };
  // Stable identities: the picker re-formats its text whenever `value` or `formatDate` change.
  const value = useMemo(() => dateFromIso(props.value), [props.value]);
  const min = useMemo(() => (props.minDate ? dateFromIso(props.minDate) : null), [props.minDate]);
  const max = useMemo(() => (props.maxDate ? dateFromIso(props.maxDate) : null), [props.maxDate]);
  const formatDate = useCallback((date?: Date) => (date ? formatDateInput(isoFromDate(date), locale) : ''), [locale]);
  const parseDate = useCallback((text: string) => {
    const iso = parseDateInput(text);
    return iso ? dateFromIso(iso) : null;
  }, []);
  const { onChange } = props;
  const [ready, setReady] = useState(false);
  const pickerRef = useRef<HTMLInputElement>(null);
  const hadFocus = useRef(false);
  const isOpen = useRef(false);
  useLayoutEffect(() => {
    if (ready && hadFocus.current) pickerRef.current?.focus();
  }, [ready]);
  if (!ready) {
    return (
      <Input
        // A value that arrives after the first render (a form filled from loaded data) is shown.
        key={props.value}
        className={styles.picker}
        defaultValue={formatDateInput(props.value, locale)}
        placeholder={pattern}
        required={props.required ?? false}
        disabled={props.disabled ?? false}
        contentAfter={<CalendarMonthRegular aria-hidden />}
        onFocus={() => {
          hadFocus.current = true;
          setReady(true);
        }}
        onChange={(_, data) => {
          const iso = wholeDayFirstDate.test(data.value) ? parseDateInput(data.value) : null;
          if (iso) onChange(iso);
        }}
        {...(props['aria-label'] ? { 'aria-label': props['aria-label'] } : {})}
      />
    );
  }
  return (
    <>
      <DatePicker
        ref={pickerRef}
        className={styles.picker}
        value={value}
        onSelectDate={(date) => onChange(date ? isoFromDate(date) : '')}
        // A whole day-first date typed counts at once, so the form's buttons know it
        // before the field loses focus; half-typed text waits for blur or Enter.
        onChange={(_, data) => {
          const iso = wholeDayFirstDate.test(data.value) ? parseDateInput(data.value) : null;
          if (iso && iso !== props.value) {
            setError(null);
            onChange(iso);
          }
        }}
        formatDate={formatDate}
        parseDateFromString={parseDate}
        // Opening the calendar moves the focus out of the empty input, which Fluent validates
        // as "required" at once: not an error (nor an alert read aloud) while the user picks.
        onOpenChange={(open) => {
          isOpen.current = open;
          if (open) setError((current) => (current === 'required-input' ? null : current));
        }}
        onValidationResult={(data) => {
          if (data.error === 'required-input' && isOpen.current) return;
          setError(data.error ?? null);
        }}
        allowTextInput
        // Rendered beside the input, so inside a Dialog the calendar is part of the dialog (a
        // portal outside it would be outside the modal and could not be clicked).
        inlinePopup
        firstDayOfWeek={monday}
        strings={strings}
        dateTimeFormatter={formatting}
        placeholder={pattern}
        required={props.required ?? false}
        disabled={props.disabled ?? false}
        {...(min ? { minDate: min } : {})}
        {...(max ? { maxDate: max } : {})}
        {...(props['aria-label'] ? { 'aria-label': props['aria-label'] } : {})}
        {...(error ? { 'aria-invalid': true, 'aria-describedby': errorId } : {})}
      />
      {error ? (
        <span id={errorId} className={styles.error} role="alert">
          {messages[error]}
        </span>
      ) : null}
    </>
  );
}
