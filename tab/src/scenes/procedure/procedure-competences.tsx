import { Button, makeStyles, tokens } from '@fluentui/react-components';
import {
  AddRegular,
  BuildingRegular,
  CheckmarkCircleRegular,
  DeleteRegular,
  PersonRegular,
  WarningFilled,
} from '@fluentui/react-icons';
import type { ProcedureCompetencesDto, ProcedureRequirementDto, UnitDto } from '../../api/contract';
import { useI18n, type I18n } from '../../i18n/i18n-context';
import { AppLink } from '../../router/app-link';
import { paths } from '../../router/routes';
import { levelName, requirementSentence } from './requirement-text';

const useStyles = makeStyles({
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
  },
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  name: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  line: { margin: 0 },
  muted: { margin: 0, color: tokens.colorNeutralForeground2 },
  status: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    margin: 0,
    fontWeight: tokens.fontWeightSemibold,
  },
  met: { color: tokens.colorPaletteGreenForeground1 },
  external: { color: tokens.colorPaletteMarigoldForeground1 },
  unmet: { color: tokens.colorPaletteRedForeground1 },
  people: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'center' },
});

/**
 * "Kompetencekrav": what the procedure requires, whether its unit meets it today, and who
 * qualifies. Status is an icon and words, never colour alone. Presentational: the page loads the
 * data and opens the add and remove dialogs.
 */
export function ProcedureCompetences(props: {
  data: ProcedureCompetencesDto;
  units: readonly UnitDto[];
  onAdd(): void;
  onRemove(entry: ProcedureRequirementDto): void;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const styles = useStyles();
  const { data } = props;
  const unitName = (id: string) => props.units.find((unit) => unit.id === id)?.name ?? id;
  const manage = data.abilities.manage;

  return (
    <>
      {data.requirements.length === 0 ? (
        <p className={styles.muted}>{t('procedureCompetences.none')}</p>
      ) : (
        <ul className={styles.list} data-testid="procedure-competences-list">
          {data.requirements.map((entry) => {
            const { requirement } = entry;
            const isOwn = requirement.scope.kind === 'procedure';
            return (
              <li key={requirement.id} className={styles.item}>
                <h3 className={styles.name}>{entry.competence.name}</h3>
                <p className={styles.line}>{requirementSentence(requirement, i18n)}</p>
                <p className={styles.muted}>{scopeText(requirement.scope, unitName, i18n)}</p>
                <CoverageStatus entry={entry} />
                {entry.externalCoverage ? (
                  <p className={styles.muted}>
                    {t('procedureCompetences.supplier', { supplier: entry.externalCoverage.supplier })}
                  </p>
                ) : null}
                {entry.isSinglePersonDependency ? (
                  <p className={styles.status}>
                    <PersonRegular aria-hidden />
                    {t('procedureCompetences.single')}
                  </p>
                ) : null}
                <QualifiedPeople entry={entry} />
                {manage && isOwn ? (
                  <div className={styles.row}>
                    <Button
                      icon={<DeleteRegular aria-hidden />}
                      aria-label={t('procedureCompetences.removeLabel', {
                        competence: entry.competence.name,
                        requirement: requirementSentence(requirement, i18n),
                      })}
                      onClick={() => props.onRemove(entry)}
                    >
                      {t('procedureCompetences.remove')}
                    </Button>
                  </div>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
      <div className={styles.row}>
        <AppLink href={paths.competences({ unit: data.unitId })}>
          {data.unitId
            ? t('procedureCompetences.matrixLink', { unit: unitName(data.unitId) })
            : t('procedureCompetences.matrixLinkAll')}
        </AppLink>
        {manage ? (
          <Button icon={<AddRegular aria-hidden />} onClick={props.onAdd}>
            {t('procedureCompetences.add')}
          </Button>
        ) : null}
      </div>
    </>
  );
}

function CoverageStatus(props: { entry: ProcedureRequirementDto }) {
  const i18n = useI18n();
  const { t } = i18n;
  const styles = useStyles();
  const { entry } = props;
  if (entry.coverage === 'met')
    return (
      <p className={`${styles.status} ${styles.met}`}>
        <CheckmarkCircleRegular aria-hidden />
        {t('procedureCompetences.met')}
      </p>
    );
  if (entry.coverage === 'external') {
    const end = entry.externalCoverage?.contractEnd ?? null;
    return (
      <p className={`${styles.status} ${styles.external}`}>
        <BuildingRegular aria-hidden />
        {end
          ? t('procedureCompetences.external', { date: i18n.formatDate(end) })
          : t('procedureCompetences.externalOpen')}
      </p>
    );
  }
  return (
    <p className={`${styles.status} ${styles.unmet}`}>
      <WarningFilled aria-hidden />
      {t('procedureCompetences.unmet', { count: entry.shortBy })}
    </p>
  );
}

function QualifiedPeople(props: { entry: ProcedureRequirementDto }) {
  const i18n = useI18n();
  const { t } = i18n;
  const styles = useStyles();
  const { qualified } = props.entry;
  if (qualified.length === 0) return <p className={styles.muted}>{t('procedureCompetences.nobody')}</p>;
  return (
    <>
      <p className={styles.line}>{t('procedureCompetences.qualified')}:</p>
      <ul className={styles.people}>
        {qualified.map((person) => {
          const notes = [
            person.assessment === 'confirmed'
              ? t('procedureCompetences.confirmed')
              : t('procedureCompetences.selfAssessed'),
            ...(person.validUntil
              ? [t('procedureCompetences.validUntil', { date: i18n.formatDate(person.validUntil) })]
              : []),
          ];
          return (
            <li key={person.personId}>
              {person.name}: {levelName(person.level, i18n)} ({notes.join(', ')})
            </li>
          );
        })}
      </ul>
    </>
  );
}

function scopeText(
  scope: ProcedureRequirementDto['requirement']['scope'],
  unitName: (id: string) => string,
  i18n: Pick<I18n, 't'>,
): string {
  switch (scope.kind) {
    case 'procedure':
      return i18n.t('procedureCompetences.scopeProcedure');
    case 'area':
      return i18n.t('procedureCompetences.scopeArea', { area: scope.area });
    case 'unit':
      return i18n.t('procedureCompetences.scopeUnit', { unit: unitName(scope.unitId) });
  }
}
