import { Button, makeStyles, tokens } from '@fluentui/react-components';
import {
  memo,
  useCallback,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type FocusEvent,
  type KeyboardEvent,
} from 'react';
import { useController } from 'react-hook-form';
import { z } from 'zod';
import type { CompetenceDto, CompetenceLevel } from '../../api/contract';
import { setCompetenceLevelBody } from '../../../../functions/src/contract/schemas';
import { numberFromText } from '../../shared/form/form-shapes';
import { useContractForm } from '../../shared/form/use-contract-form';
import { useI18n, type I18n } from '../../i18n/i18n-context';
import { OptionDropdown } from '../../shared/option-dropdown';
import { useVisuallyHiddenStyles } from '../../shared/visually-hidden';
import {
  competenceLevels,
  emptyCell,
  levelLabel,
  validityOf,
  type CategoryGroup,
  type CellIndex,
  type MatrixCell,
} from './competence-model';
import { moveActive, rowSlots, rowWindow, type RowSlot, type RowWindow } from './row-window';

// Plain table styles: one class per level, no Fluent component per cell (300 × 150 must stay smooth).
// Every body row has the same height (room for the level and two marks), so the rows left out of
// the window can be stood in for by spacer rows of a known height; and the columns have fixed
// widths (table-layout: fixed), so laying the table out does not measure every cell's content.
const nameWidthEm = 13;
const levelWidthEm = 7.5;
const useStyles = makeStyles({
  scroller: {
    overflow: 'auto',
    maxHeight: '70vh',
    // Contains the cells' visually hidden (absolutely positioned) texts, which would otherwise be
    // placed against the page and widen it far beyond a narrow tab.
    position: 'relative',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  hint: { margin: `0 0 ${tokens.spacingVerticalXS}`, color: tokens.colorNeutralForeground2 },
  table: { borderCollapse: 'separate', borderSpacing: 0, fontSize: tokens.fontSizeBase200, tableLayout: 'fixed' },
  nameColumn: { width: `${nameWidthEm}em` },
  levelColumn: { width: `${levelWidthEm}em` },
  caption: { textAlign: 'left', padding: tokens.spacingVerticalS, fontWeight: tokens.fontWeightSemibold },
  head: { position: 'sticky', top: 0, zIndex: 2, backgroundColor: tokens.colorNeutralBackground2 },
  colHeader: {
    padding: tokens.spacingHorizontalXS,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightSemibold,
    textAlign: 'center',
    overflowWrap: 'break-word',
    hyphens: 'auto',
  },
  category: { borderLeft: `2px solid ${tokens.colorNeutralStroke1}` },
  corner: { position: 'sticky', left: 0, zIndex: 3, textAlign: 'left' },
  rowHeader: {
    position: 'sticky',
    left: 0,
    zIndex: 1,
    textAlign: 'left',
    fontWeight: tokens.fontWeightRegular,
    padding: `0 ${tokens.spacingHorizontalS}`,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
    overflowWrap: 'break-word',
  },
  row: { height: '5em' },
  cell: {
    padding: 0,
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
    textAlign: 'center',
    color: tokens.colorNeutralForeground1,
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
  },
  level0: { backgroundColor: tokens.colorNeutralBackground1 },
  // Light backgrounds carry the dark foreground, the darkest the inverted one: AA contrast either way.
  level1: { backgroundColor: tokens.colorPaletteYellowBackground2 },
  level2: { backgroundColor: tokens.colorPaletteLightGreenBackground1 },
  level3: { backgroundColor: tokens.colorPaletteGreenBackground2 },
  level4: { backgroundColor: tokens.colorPaletteGreenBackground3, color: tokens.colorNeutralForegroundOnBrand },
  content: { display: 'block', padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}` },
  button: {
    display: 'block',
    width: '100%',
    minHeight: '5em',
    border: 'none',
    background: 'transparent',
    color: 'inherit',
    font: 'inherit',
    cursor: 'pointer',
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
  },
  number: { fontWeight: tokens.fontWeightSemibold },
  mark: { display: 'block', fontSize: tokens.fontSizeBase100 },
  // The open editor may make its row taller than the others; the window measures rows only once.
  editor: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalXXS,
    padding: tokens.spacingHorizontalXXS,
  },
  editorDropdown: { width: '100%' },
});

export type Editing = { personId: string; competenceId: string } | null;

type Props = {
  caption: string;
  people: readonly { id: string; name: string; title: string }[];
  groups: readonly CategoryGroup[];
  cells: CellIndex;
  today: string;
  canEdit: (personId: string) => boolean;
  editing: Editing;
  isSaving: boolean;
  onEdit: (personId: string, competenceId: string) => void;
  onCancel: () => void;
  onSave: (cell: MatrixCell, level: CompetenceLevel) => void;
};

/** Rows and columns rendered beyond the visible ones, so a fast scroll rarely shows an empty band. */
const overscan = 8;
const columnOverscan = 3;
/** Until the table is measured: the sizes in em at the table's 12px. */
const estimated = {
  bodyTop: 0,
  headHeight: 0,
  rowHeight: 60,
  nameWidth: nameWidthEm * 12,
  levelWidth: levelWidthEm * 12,
};
const headerRows = 2;

/**
 * People × competences as an ARIA grid: one tab stop (the active cell), arrow keys, Home/End,
 * Page Up/Down and Ctrl+Home/End move it. Only the rows and the level cells in view are in the DOM
 * (the headers always are); aria-rowcount/-colcount and aria-rowindex/-colindex tell assistive
 * technology where they sit in the whole table. Mount it with a key per unit, so a new unit starts
 * from a fresh window, focus and scroll position.
 */
export function MatrixTable(props: Props) {
  const { t } = useI18n();
  const styles = useStyles();
  // Stable across edits, so the memoised rows only re-render when their own cells change.
  const competences = useMemo(() => props.groups.flatMap((group) => group.competences), [props.groups]);
  const groupStarts = useMemo(() => {
    let start = 0;
    return props.groups.map((group) => (start += group.competences.length) - group.competences.length);
  }, [props.groups]);
  const rowCount = props.people.length;
  const colCount = competences.length;
  const hintId = useId();

  const scrollerRef = useRef<HTMLDivElement>(null);
  const headRef = useRef<HTMLTableSectionElement>(null);
  const bodyRef = useRef<HTMLTableSectionElement>(null);
  const [metrics, setMetrics] = useState(estimated);
  // First render: what 70vh (the scroller's height) and the page's width hold at the estimated sizes.
  const [inView, setInView] = useState<{ rows: RowWindow; cols: RowWindow }>(() =>
    windowsOf(
      { scrollTop: 0, scrollLeft: 0, height: innerHeight * 0.7, width: innerWidth },
      estimated,
      rowCount,
      colCount,
    ),
  );
  const [active, setActive] = useState({ row: 0, col: 0 });
  const focusPending = useRef(false);

  const updateWindow = useCallback(() => {
    const scroller = scrollerRef.current;
    if (!scroller) return;
    const next = windowsOf(
      {
        scrollTop: scroller.scrollTop,
        scrollLeft: scroller.scrollLeft,
        height: scroller.clientHeight,
        width: scroller.clientWidth,
      },
      metrics,
      rowCount,
      colCount,
    );
    // Same windows, same state object: scrolling within them renders nothing.
    setInView((current) =>
      sameWindow(current.rows, next.rows) && sameWindow(current.cols, next.cols) ? current : next,
    );
  }, [metrics, rowCount, colCount]);

  // Measure the header and one body row once laid out, and again when the scroller is resized
  // (zoom, a narrower window): the spacer rows and the window follow the real row height.
  useLayoutEffect(() => {
    const scroller = scrollerRef.current;
    if (!scroller) return;
    const measure = () => {
      const body = bodyRef.current;
      const row = body?.querySelector<HTMLTableRowElement>('tr[data-row]');
      const headers = headRef.current?.querySelectorAll<HTMLElement>('tr:last-child > th');
      if (!body || !row || !headers || headers.length < 2) return;
      const top = scroller.getBoundingClientRect().top - scroller.scrollTop;
      const next = {
        bodyTop: body.getBoundingClientRect().top - top,
        headHeight: headRef.current?.getBoundingClientRect().height ?? 0,
        rowHeight: row.getBoundingClientRect().height || estimated.rowHeight,
        nameWidth: headers[0]!.getBoundingClientRect().width || estimated.nameWidth,
        levelWidth: headers[1]!.getBoundingClientRect().width || estimated.levelWidth,
      };
      setMetrics((current) =>
        (Object.keys(next) as (keyof typeof next)[]).every((key) => Math.abs(current[key] - next[key]) < 0.5)
          ? current
          : next,
      );
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(scroller);
    return () => observer.disconnect();
  }, []);

  useLayoutEffect(updateWindow, [updateWindow]);

  const frame = useRef(0);
  const onScroll = useCallback(() => {
    if (frame.current) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = 0;
      updateWindow();
    });
  }, [updateWindow]);
  useEffect(() => () => cancelAnimationFrame(frame.current), []);

  const cellElement = (position: { row: number; col: number }): HTMLElement | null => {
    const cell = bodyRef.current?.querySelector<HTMLElement>(
      `tr[data-row="${position.row}"] > td[data-col="${position.col}"]`,
    );
    return cell?.querySelector<HTMLElement>('button, select') ?? cell ?? null;
  };

  // After a keyboard move (or the end of an edit) the active cell is rendered: focus it. Focusing
  // scrolls it into view; scroll-padding keeps it clear of the sticky header.
  useEffect(() => {
    if (!focusPending.current) return;
    focusPending.current = false;
    cellElement(active)?.focus();
  });

  // Back to the cell when its editor closes (saved, cancelled or stale), unless focus went elsewhere.
  const wasEditing = useRef(props.editing);
  useEffect(() => {
    const scroller = scrollerRef.current;
    const focused = document.activeElement;
    if (wasEditing.current && !props.editing && (focused === document.body || scroller?.contains(focused))) {
      cellElement(active)?.focus();
    }
    wasEditing.current = props.editing;
  });

  const positionOf = (target: EventTarget): { row: number; col: number } | null => {
    if (!(target instanceof HTMLElement)) return null;
    const cell = target.closest<HTMLElement>('td[data-col]');
    const row = cell?.closest<HTMLElement>('tr[data-row]');
    if (!cell || !row) return null;
    return { row: Number(row.dataset['row']), col: Number(cell.dataset['col']) };
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTableElement>) => {
    // Keys inside an open editor (the level list, its buttons) are the editor's own.
    if (!(event.target instanceof HTMLElement) || event.target.closest('form')) return;
    const from = positionOf(event.target);
    if (!from) return;
    // A page: the rows that fit below the sticky header, less one so the last stays in sight.
    const viewport = (scrollerRef.current?.clientHeight ?? 0) - metrics.headHeight;
    const pageRows = Math.max(1, Math.floor(viewport / metrics.rowHeight) - 1);
    const next = moveActive(from, event.key, { rows: rowCount, cols: colCount, pageRows, ctrlKey: event.ctrlKey });
    if (!next) return;
    event.preventDefault();
    focusPending.current = true;
    setActive(next);
    if (next.row === from.row && next.col === from.col) cellElement(next)?.focus();
  };

  const onFocus = (event: FocusEvent<HTMLTableElement>) => {
    const position = positionOf(event.target);
    if (position && (position.row !== active.row || position.col !== active.col)) setActive(position);
  };

  const slots = rowSlots(inView.rows, rowCount, active.row);
  // Every row shows the same columns; the active row also its active cell, wherever it is.
  const colSlots = useMemo(() => rowSlots(inView.cols, colCount, null), [inView.cols, colCount]);
  const activeColSlots = useMemo(
    () => rowSlots(inView.cols, colCount, active.col),
    [inView.cols, colCount, active.col],
  );
  return (
    <>
      <p id={hintId} className={styles.hint}>
        {t('competences.grid')}
      </p>
      <div
        ref={scrollerRef}
        className={styles.scroller}
        style={{ scrollPaddingTop: metrics.headHeight, scrollPaddingLeft: metrics.nameWidth }}
        role="region"
        aria-label={props.caption}
        onScroll={onScroll}
      >
        <table
          className={styles.table}
          role="grid"
          aria-rowcount={rowCount + headerRows}
          aria-colcount={colCount + 1}
          aria-describedby={hintId}
          onKeyDown={onKeyDown}
          onFocus={onFocus}
        >
          <caption className={styles.caption}>{props.caption}</caption>
          <thead ref={headRef} className={styles.head}>
            <tr aria-rowindex={1}>
              <td className={`${styles.colHeader} ${styles.corner}`} aria-colindex={1} />
              {props.groups.map((group, index) => (
                <th
                  key={group.category}
                  scope="colgroup"
                  aria-colindex={groupStarts[index]! + 2}
                  colSpan={group.competences.length}
                  className={`${styles.colHeader} ${styles.category}`}
                >
                  {group.category}
                </th>
              ))}
            </tr>
            <tr aria-rowindex={2}>
              <th scope="col" className={`${styles.colHeader} ${styles.corner}`} aria-colindex={1}>
                {t('competences.person')}
              </th>
              {competences.map((competence, col) => (
                <th key={competence.id} scope="col" aria-colindex={col + 2} className={styles.colHeader}>
                  {competence.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody ref={bodyRef}>
            {slots.map((slot) => {
              if (slot.kind === 'gap') {
                return (
                  <tr key={`gap-${slot.from}`} aria-hidden="true" style={{ height: slot.rows * metrics.rowHeight }}>
                    <td colSpan={colCount + 1} />
                  </tr>
                );
              }
              const person = props.people[slot.index]!;
              const isEditingRow = props.editing?.personId === person.id;
              return (
                <MatrixRow
                  key={person.id}
                  index={slot.index}
                  person={person}
                  competences={competences}
                  colSlots={active.row === slot.index ? activeColSlots : colSlots}
                  row={props.cells.get(person.id)}
                  today={props.today}
                  canEdit={props.canEdit(person.id)}
                  activeCol={active.row === slot.index ? active.col : null}
                  editingCompetenceId={isEditingRow ? (props.editing?.competenceId ?? null) : null}
                  isSaving={isEditingRow && props.isSaving}
                  onEdit={props.onEdit}
                  onCancel={props.onCancel}
                  onSave={props.onSave}
                />
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}

function sameWindow(a: RowWindow, b: RowWindow): boolean {
  return a.first === b.first && a.end === b.end;
}

/** The rows and columns in view; the sticky name column hides the level columns under it. */
function windowsOf(
  view: { scrollTop: number; scrollLeft: number; height: number; width: number },
  metrics: typeof estimated,
  rowCount: number,
  colCount: number,
): { rows: RowWindow; cols: RowWindow } {
  return {
    rows: rowWindow({
      scrollTop: view.scrollTop,
      viewportHeight: view.height,
      bodyTop: metrics.bodyTop,
      rowHeight: metrics.rowHeight,
      rowCount,
      overscan,
    }),
    cols: rowWindow({
      scrollTop: view.scrollLeft,
      viewportHeight: view.width,
      bodyTop: metrics.nameWidth,
      rowHeight: metrics.levelWidth,
      rowCount: colCount,
      overscan: columnOverscan,
    }),
  };
}

type RowProps = {
  index: number;
  person: { id: string; name: string; title: string };
  competences: readonly CompetenceDto[];
  /** The level cells to render, and gaps for the columns out of view. */
  colSlots: readonly RowSlot[];
  row: ReadonlyMap<string, MatrixCell> | undefined;
  today: string;
  canEdit: boolean;
  /** The column of the grid's single tab stop when it is in this row. */
  activeCol: number | null;
  editingCompetenceId: string | null;
  isSaving: boolean;
  onEdit: (personId: string, competenceId: string) => void;
  onCancel: () => void;
  onSave: (cell: MatrixCell, level: CompetenceLevel) => void;
};

/** A row re-renders only when its own cells, its focus or editing state, or the column set change. */
const MatrixRow = memo(
  function MatrixRow(props: RowProps) {
    const i18n = useI18n();
    const styles = useStyles();
    const hidden = useVisuallyHiddenStyles();
    return (
      <tr className={styles.row} data-row={props.index} aria-rowindex={props.index + headerRows + 1}>
        <th scope="row" className={styles.rowHeader} aria-colindex={1}>
          {props.person.name}
        </th>
        {props.colSlots.map((slot) => {
          if (slot.kind === 'gap') return <td key={`gap-${slot.from}`} aria-hidden="true" colSpan={slot.rows} />;
          const col = slot.index;
          const competence = props.competences[col]!;
          const cell = props.row?.get(competence.id) ?? emptyCell(props.person.id, competence.id);
          const levelClass = styles[`level${cell.level}`];
          const tabIndex = props.activeCol === col ? 0 : -1;
          if (props.editingCompetenceId === competence.id) {
            return (
              <td key={competence.id} data-col={col} aria-colindex={col + 2} className={`${styles.cell} ${levelClass}`}>
                <CellEditor
                  cell={cell}
                  label={i18n.t('competences.editFor', { person: props.person.name, competence: competence.name })}
                  isSaving={props.isSaving}
                  onCancel={props.onCancel}
                  onSave={props.onSave}
                />
              </td>
            );
          }
          const content = <CellContent cell={cell} today={props.today} i18n={i18n} hiddenClass={hidden.hidden} />;
          return props.canEdit ? (
            <td key={competence.id} data-col={col} aria-colindex={col + 2} className={`${styles.cell} ${levelClass}`}>
              <button
                type="button"
                tabIndex={tabIndex}
                className={styles.button}
                onClick={() => props.onEdit(props.person.id, competence.id)}
              >
                {content}
              </button>
            </td>
          ) : (
            <td
              key={competence.id}
              data-col={col}
              aria-colindex={col + 2}
              tabIndex={tabIndex}
              className={`${styles.cell} ${levelClass}`}
            >
              <span className={styles.content}>{content}</span>
            </td>
          );
        })}
      </tr>
    );
  },
  (a, b) =>
    a.index === b.index &&
    a.row === b.row &&
    a.person === b.person &&
    a.competences === b.competences &&
    a.colSlots === b.colSlots &&
    a.canEdit === b.canEdit &&
    a.activeCol === b.activeCol &&
    a.editingCompetenceId === b.editingCompetenceId &&
    a.isSaving === b.isSaving &&
    a.today === b.today &&
    a.onEdit === b.onEdit &&
    a.onCancel === b.onCancel &&
    a.onSave === b.onSave,
);

function CellContent(props: { cell: MatrixCell; today: string; i18n: I18n; hiddenClass: string }) {
  const styles = useStyles();
  const { cell, i18n } = props;
  const validity = validityOf(cell.validUntil, props.today);
  return (
    <>
      <span className={styles.number} aria-hidden="true">
        {cell.level}
      </span>
      <span className={props.hiddenClass}>{levelLabel(cell.level, i18n.t)}</span>
      {cell.etag > 0 && cell.assessment === 'self' ? (
        <span className={styles.mark}>{i18n.t('competences.selfAssessed')}</span>
      ) : null}
      {validity === 'expired' || validity === 'expiring' ? (
        <span className={styles.mark}>
          {i18n.t(validity === 'expired' ? 'competences.expired' : 'competences.expiring', {
            date: i18n.formatDate(cell.validUntil),
          })}
        </span>
      ) : null}
    </>
  );
}

/** The level as the editor holds it (text), then setCompetenceLevelBody's own level rule. */
const cellLevelForm = z.object({ level: numberFromText(setCompetenceLevelBody.shape.level) });

function CellEditor(props: {
  cell: MatrixCell;
  label: string;
  isSaving: boolean;
  onCancel: () => void;
  onSave: (cell: MatrixCell, level: CompetenceLevel) => void;
}) {
  const { t } = useI18n();
  const styles = useStyles();
  const form = useContractForm(cellLevelForm, { defaultValues: { level: String(props.cell.level) } });
  const level = useController({ control: form.control, name: 'level' }).field;
  return (
    <form
      className={styles.editor}
      noValidate
      onSubmit={form.handleSubmit((values) => props.onSave(props.cell, values.level))}
    >
      <OptionDropdown
        aria-label={props.label}
        className={styles.editorDropdown}
        size="small"
        value={level.value}
        autoFocus
        onChange={level.onChange}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && !event.currentTarget.getAttribute('aria-expanded')?.startsWith('t'))
            props.onCancel();
        }}
        options={competenceLevels.map((value) => ({ value: String(value), text: levelLabel(value, t) }))}
      />
      <Button type="submit" size="small" appearance="primary" disabled={props.isSaving}>
        {t('competences.save')}
      </Button>
      <Button type="button" size="small" onClick={props.onCancel}>
        {t('competences.cancel')}
      </Button>
    </form>
  );
}
