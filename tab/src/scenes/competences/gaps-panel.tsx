import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { CompetenceDto, CompetenceGapReport } from '../../api/contract';
import { useI18n } from '../../i18n/i18n-context';

const useStyles = makeStyles({
  panel: { marginTop: tokens.spacingVerticalL },
  heading: { fontSize: tokens.fontSizeBase500, margin: `0 0 ${tokens.spacingVerticalS}` },
  subheading: { fontSize: tokens.fontSizeBase400, margin: `${tokens.spacingVerticalM} 0 ${tokens.spacingVerticalXS}` },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
});

/** Long lists (a large unit can have hundreds of expiring qualifications) start with the first ones. */
const initialItems = 20;

function GapList(props: { id: string; title: string; items: { key: string; text: string }[] }) {
  const { t } = useI18n();
  const styles = useStyles();
  const [isExpanded, setExpanded] = useState(false);
  const { items } = props;
  const shown = isExpanded ? items : items.slice(0, initialItems);
  return (
    <section aria-labelledby={props.id}>
      <h3 id={props.id} className={styles.subheading}>
        {props.title}
      </h3>
      {items.length === 0 ? (
        <p>{t('competences.none')}</p>
      ) : (
        <ul className={styles.list}>
          {shown.map((item) => (
            <li key={item.key} data-gap-key={item.key}>
              {item.text}
            </li>
          ))}
        </ul>
      )}
      {items.length > initialItems && (
        <Button appearance="subtle" aria-expanded={isExpanded} onClick={() => setExpanded(!isExpanded)}>
          {isExpanded ? t('competences.showFewer') : t('competences.showAll', { count: items.length })}
        </Button>
      )}
    </section>
  );
}

/** Unmet requirements, single-person dependencies, expiring competences and external coverage. */
export function GapsPanel(props: {
  report: CompetenceGapReport;
  competences: readonly CompetenceDto[];
  personName: (id: string) => string;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const styles = useStyles();
  const names = new Map(props.competences.map((c) => [c.id, c.name]));
  const competenceName = (id: string) => names.get(id) ?? id;
  const { gaps, expiring } = props.report;
  const unmet = gaps.filter((gap) => gap.coverage === 'unmet' && gap.shortBy > 0);
  const single = gaps.filter((gap) => gap.isSinglePersonDependency);
  const external = gaps.filter((gap) => gap.coverage === 'external' && gap.externalCoverage);

  const section = (id: string, title: string, items: { key: string; text: string }[]) => (
    <GapList id={id} title={title} items={items} />
  );

  return (
    <section aria-labelledby="competence-gaps" className={styles.panel}>
      <h2 id="competence-gaps" className={styles.heading}>
        {t('competences.gaps')}
      </h2>
      {section(
        'competence-gaps-unmet',
        t('competences.unmet'),
        unmet.map((gap) => ({
          key: gap.requirement.id,
          text: t('competences.unmetItem', {
            competence: competenceName(gap.requirement.competenceId),
            count: gap.shortBy,
            level: gap.requirement.minLevel,
          }),
        })),
      )}
      {section(
        'competence-gaps-single',
        t('competences.single'),
        single.map((gap) => ({
          key: gap.requirement.id,
          text: t('competences.singleItem', {
            competence: competenceName(gap.requirement.competenceId),
            person: gap.qualified.map((q) => props.personName(q.personId)).join(', '),
          }),
        })),
      )}
      {section(
        'competence-gaps-expiring',
        t('competences.expiringSoon'),
        expiring.map((item) => ({
          key: `${item.personCompetence.personId}/${item.personCompetence.competenceId}`,
          text: t('competences.expiringItem', {
            person: props.personName(item.personCompetence.personId),
            competence: competenceName(item.personCompetence.competenceId),
            status: t(item.isExpired ? 'competences.expired' : 'competences.expiring', {
              date: i18n.formatDate(item.validUntil),
            }),
          }),
        })),
      )}
      {section(
        'competence-gaps-external',
        t('competences.external'),
        external.map((gap) => ({
          key: gap.requirement.id,
          text: t('competences.externalItem', {
            competence: competenceName(gap.requirement.competenceId),
            supplier: gap.externalCoverage?.supplier ?? '',
            end: gap.externalCoverage?.contractEnd
              ? i18n.formatDate(gap.externalCoverage.contractEnd)
              : t('competences.noEnd'),
          }),
        })),
      )}
    </section>
  );
}
