import { makeStyles, tokens } from '@fluentui/react-components';
import { memo, useMemo, useState, type FormEvent } from 'react';
import type { CompetenceDto, CompetenceLevel, MatrixCellDto } from '../../api/contract';
import { useI18n, type I18n } from '../../i18n/i18n-context';
import { useVisuallyHiddenStyles } from '../../shared/visually-hidden';
import {
  competenceLevels,
  emptyCell,
  levelLabel,
  validityOf,
  type CategoryGroup,
  type CellIndex,
} from './competence-model';

// Plain table styles: one class per level, no Fluent component per cell (300 × 150 must stay smooth).
const useStyles = makeStyles({
  scroller: {
    overflow: 'auto',
    maxHeight: '70vh',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  table: { borderCollapse: 'separate', borderSpacing: 0, fontSize: tokens.fontSizeBase200 },
  caption: { textAlign: 'left', padding: tokens.spacingVerticalS, fontWeight: tokens.fontWeightSemibold },
  head: { position: 'sticky', top: 0, zIndex: 2, backgroundColor: tokens.colorNeutralBackground2 },
  colHeader: {
    padding: tokens.spacingHorizontalXS,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightSemibold,
    textAlign: 'center',
    minWidth: '5.5em',
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
    whiteSpace: 'nowrap',
  },
  cell: {
    padding: 0,
    textAlign: 'center',
    color: tokens.colorNeutralForeground1,
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
  },
  level0: { backgroundColor: tokens.colorNeutralBackground1 },
  // Light backgrounds carry the dark foreground, the darkest the inverted one: AA contrast either way.
  level1: { backgroundColor: tokens.colorPaletteYellowBackground2 },
  level2: { backgroundColor: tokens.colorPaletteLightGreenBackground1 },
  level3: { backgroundColor: tokens.colorPaletteGreenBackground2 },
  level4: { backgroundColor: tokens.colorPaletteGreenBackground3, color: tokens.colorNeutralForegroundInverted },
  content: { display: 'block', padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}` },
  button: {
    display: 'block',
    width: '100%',
    minHeight: '2em',
    border: 'none',
    background: 'transparent',
    color: 'inherit',
    font: 'inherit',
    cursor: 'pointer',
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '-2px' },
  },
  number: { fontWeight: tokens.fontWeightSemibold },
  mark: { display: 'block', fontSize: tokens.fontSizeBase100, whiteSpace: 'nowrap' },
  editor: { display: 'flex', gap: tokens.spacingHorizontalXXS, padding: tokens.spacingHorizontalXXS },
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
  onSave: (cell: MatrixCellDto, level: CompetenceLevel) => void;
};

export function MatrixTable(props: Props) {
  const { t } = useI18n();
  const styles = useStyles();
  // Stable across edits, so the memoised rows only re-render when their own cells change.
  const competences = useMemo(() => props.groups.flatMap((group) => group.competences), [props.groups]);
  return (
    <div className={styles.scroller} role="region" aria-label={props.caption} tabIndex={0}>
      <table className={styles.table}>
        <caption className={styles.caption}>{props.caption}</caption>
        <thead className={styles.head}>
          <tr>
            <td className={`${styles.colHeader} ${styles.corner}`} />
            {props.groups.map((group) => (
              <th
                key={group.category}
                scope="colgroup"
                colSpan={group.competences.length}
                className={`${styles.colHeader} ${styles.category}`}
              >
                {group.category}
              </th>
            ))}
          </tr>
          <tr>
            <th scope="col" className={`${styles.colHeader} ${styles.corner}`}>
              {t('competences.person')}
            </th>
            {competences.map((competence) => (
              <th key={competence.id} scope="col" className={styles.colHeader}>
                {competence.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.people.map((person) => {
            const isEditingRow = props.editing?.personId === person.id;
            return (
              <MatrixRow
                key={person.id}
                person={person}
                competences={competences}
                row={props.cells.get(person.id)}
                today={props.today}
                canEdit={props.canEdit(person.id)}
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
  );
}

type RowProps = {
  person: { id: string; name: string; title: string };
  competences: readonly CompetenceDto[];
  row: ReadonlyMap<string, MatrixCellDto> | undefined;
  today: string;
  canEdit: boolean;
  editingCompetenceId: string | null;
  isSaving: boolean;
  onEdit: (personId: string, competenceId: string) => void;
  onCancel: () => void;
  onSave: (cell: MatrixCellDto, level: CompetenceLevel) => void;
};

/** A row re-renders only when its own cells, its editing state or the column set change. */
const MatrixRow = memo(
  function MatrixRow(props: RowProps) {
    const i18n = useI18n();
    const styles = useStyles();
    const hidden = useVisuallyHiddenStyles();
    return (
      <tr>
        <th scope="row" className={styles.rowHeader}>
          {props.person.name}
        </th>
        {props.competences.map((competence) => {
          const cell = props.row?.get(competence.id) ?? emptyCell(props.person.id, competence.id);
          const levelClass = styles[`level${cell.level}`];
          if (props.editingCompetenceId === competence.id) {
            return (
              <td key={competence.id} className={`${styles.cell} ${levelClass}`}>
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
          return (
            <td key={competence.id} className={`${styles.cell} ${levelClass}`}>
              {props.canEdit ? (
                <button
                  type="button"
                  className={styles.button}
                  onClick={() => props.onEdit(props.person.id, competence.id)}
                >
                  {content}
                </button>
              ) : (
                <span className={styles.content}>{content}</span>
              )}
            </td>
          );
        })}
      </tr>
    );
  },
  (a, b) =>
    a.row === b.row &&
    a.person === b.person &&
    a.competences === b.competences &&
    a.canEdit === b.canEdit &&
    a.editingCompetenceId === b.editingCompetenceId &&
    a.isSaving === b.isSaving &&
    a.today === b.today &&
    a.onEdit === b.onEdit &&
    a.onCancel === b.onCancel &&
    a.onSave === b.onSave,
);

function CellContent(props: { cell: MatrixCellDto; today: string; i18n: I18n; hiddenClass: string }) {
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

function CellEditor(props: {
  cell: MatrixCellDto;
  label: string;
  isSaving: boolean;
  onCancel: () => void;
  onSave: (cell: MatrixCellDto, level: CompetenceLevel) => void;
}) {
  const { t } = useI18n();
  const styles = useStyles();
  const [level, setLevel] = useState<CompetenceLevel>(props.cell.level);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    props.onSave(props.cell, level);
  };
  return (
    <form className={styles.editor} onSubmit={submit}>
      <select
        aria-label={props.label}
        value={level}
        autoFocus
        onChange={(event) => setLevel(Number(event.target.value) as CompetenceLevel)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') props.onCancel();
        }}
      >
        {competenceLevels.map((value) => (
          <option key={value} value={value}>
            {levelLabel(value, t)}
          </option>
        ))}
      </select>
      <button type="submit" disabled={props.isSaving}>
        {t('competences.save')}
      </button>
      <button type="button" onClick={props.onCancel}>
        {t('competences.cancel')}
      </button>
    </form>
  );
}
