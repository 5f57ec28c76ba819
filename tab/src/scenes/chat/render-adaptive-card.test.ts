// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { renderAdaptiveCard, type CardUserAction } from './render-adaptive-card';

/** An approval-style card: Approve, and Reject behind a ShowCard with a required comment. */
const card = {
  type: 'AdaptiveCard',
  version: '1.5',
  body: [{ type: 'TextBlock', text: 'K-16 Byggesagsbehandling', wrap: true }],
  actions: [
    { type: 'Action.Execute', id: 'approve', title: 'Godkend', verb: 'approve', data: { approvalId: 'a-1' } },
    {
      type: 'Action.ShowCard',
      title: 'Afvis',
      card: {
        type: 'AdaptiveCard',
        body: [
          {
            type: 'Input.Text',
            id: 'comment',
            label: 'Begrundelse',
            isMultiline: true,
            isRequired: true,
            errorMessage: 'Skriv en begrundelse',
          },
        ],
        actions: [
          {
            type: 'Action.Execute',
            id: 'reject',
            title: 'Send afvisning',
            verb: 'reject',
            data: { approvalId: 'a-1' },
          },
        ],
      },
    },
    { type: 'Action.OpenUrl', title: 'Åbn', url: 'http://localhost/procedures/K-16' },
  ],
};

function render() {
  const actions: CardUserAction[] = [];
  const rendered = renderAdaptiveCard(card, (action) => actions.push(action));
  if (!rendered.element) throw new Error('not rendered');
  document.body.replaceChildren(rendered.element);
  const button = (title: string) => {
    // jsdom has no innerText, which the renderer writes titles with; the aria-label carries it too.
    const found = document.querySelector<HTMLButtonElement>(`button[aria-label="${title}"]`);
    if (!found) throw new Error(`No button ${title}`);
    return found;
  };
  return { actions, rendered, button };
}

describe('renderAdaptiveCard (Microsoft renderer, Teams host config)', () => {
  it('reports Action.Execute with its verb and data', () => {
    const { actions, button } = render();
    button('Godkend').click();
    expect(actions).toEqual([
      { kind: 'execute', action: { id: 'approve', verb: 'approve', data: { approvalId: 'a-1' } } },
    ]);
  });

  it('refuses a Reject without the required comment and shows the card’s own error message', () => {
    const { actions, button } = render();
    button('Afvis').click();
    button('Send afvisning').click();
    expect(actions).toEqual([]);
    expect(document.body.textContent).toContain('Skriv en begrundelse');
  });

  it('merges the input values into the data', () => {
    const { actions, button, rendered } = render();
    button('Afvis').click();
    const comment = document.querySelector<HTMLTextAreaElement>('textarea');
    if (!comment) throw new Error('No comment field');
    comment.value = 'Mangler kilde';
    comment.dispatchEvent(new Event('input', { bubbles: true }));
    expect(rendered.hasChangedInputs()).toBe(true);
    button('Send afvisning').click();
    expect(actions).toEqual([
      {
        kind: 'execute',
        action: { id: 'reject', verb: 'reject', data: { approvalId: 'a-1', comment: 'Mangler kilde' } },
      },
    ]);
  });

  it('reports Action.OpenUrl', () => {
    const { actions, button } = render();
    button('Åbn').click();
    expect(actions).toEqual([{ kind: 'open-url', url: 'http://localhost/procedures/K-16' }]);
  });
});
