import type { ListLink } from '../api/overview-api';
import { paths } from './routes';

/**
 * The tab path of a list (or record) the API names in an overview tile or an inbox item. The
 * API says which list and filter; the tab owns its paths.
 */
export function pathOfListLink(link: ListLink): string {
  const { query, id } = link;
  switch (link.list) {
    case 'procedures':
      return paths.handbook(query);
    case 'procedure':
      return paths.procedure(id ?? '');
    case 'approval':
      return paths.approval(id ?? '');
    case 'findings':
      return paths.findings(query);
    case 'actions':
      return paths.actions(query);
    case 'action':
      return paths.action(id ?? '');
    case 'audits':
      return paths.audit({ year: query['year'] });
    case 'audit':
      return paths.auditDetail(id ?? '');
    case 'competences':
      return paths.competences({ unit: query['unit'] });
    case 'year-wheel':
      return paths.yearWheel({ year: query['year'] });
    case 'tasks':
      return paths.tasks(query);
    case 'surveys':
      return paths.surveys(query);
    case 'goals':
      return paths.goals(query);
    case 'register':
      return paths.register(query);
    case 'register-item':
      return paths.registerItem(id ?? '');
  }
}
