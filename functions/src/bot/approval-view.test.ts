import { describe, expect, it } from 'vitest';
import { approvalPath, tabLink } from './approval-view.js';

describe('tabLink: a card link into the tab', () => {
  const publicUrl = 'https://kvalitet.example.dk';

  it.each([null, undefined, ''])('is the plain URL without a Teams app id (%s)', (teamsAppId) => {
    expect(tabLink({ publicUrl, teamsAppId }, approvalPath('p-k16'), 'K-16 Byggesager')).toBe(
      'https://kvalitet.example.dk/procedures/p-k16/approval',
    );
  });

  it('is a Teams deep link to the personal tab whose subEntityId is the path', () => {
    const link = new URL(
      tabLink(
        { publicUrl, teamsAppId: '5f7c2a1e-8d3b-4c6a-9e2f-1b0a7c4d3e21' },
        approvalPath('p/æ 1'),
        'K-16 Byggesager & co',
      ),
    );
    expect(link.origin + link.pathname).toBe(
      'https://teams.microsoft.com/l/entity/5f7c2a1e-8d3b-4c6a-9e2f-1b0a7c4d3e21/handbook',
    );
    expect(link.searchParams.get('webUrl')).toBe('https://kvalitet.example.dk/procedures/p%2F%C3%A6%201/approval');
    expect(link.searchParams.get('label')).toBe('K-16 Byggesager & co');
    expect(JSON.parse(link.searchParams.get('context') ?? '')).toEqual({
      subEntityId: '/procedures/p%2F%C3%A6%201/approval',
    });
  });
});
