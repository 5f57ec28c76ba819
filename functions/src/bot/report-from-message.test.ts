// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { AppError } from '../core/errors.js';
import type { Actor } from '../core/policies.js';
import type { RegisterReportBody } from '../contract/register-schemas.js';
import { allActions, allInputs, visibleText } from './cards/test-support/card-query.js';
import { expectValidCard } from './cards/test-support/validate-card.js';
import {
  answerReportFetchTask,
  answerReportSubmit,
  type ExtensionAction,
  type TaskResponse,
} from './report-from-message.js';

const actor: Actor = { id: 'karen-holt', unitId: 'byg-plan', roles: ['reader'] } as unknown as Actor;
const link = 'https://teams.microsoft.com/l/message/19:abc@thread.v2/1733300000000';

const onMessage = (commandId: string, content: string): ExtensionAction => ({
  commandId,
  commandContext: 'message',
  messagePayload: { linkToMessage: link, body: { contentType: 'html', content } },
});

function cardOf(response: TaskResponse) {
  expect(response.task.type).toBe('continue');
  if (response.task.type !== 'continue') throw new Error('not a form');
  return response.task.value.card.content;
}

const inputValue = (card: unknown, id: string) => allInputs(card).find((input) => input['id'] === id)?.['value'];

describe('composeExtension/fetchTask: the report form, prefilled from the message', () => {
  it.each(['da', 'nb', 'en'] as const)('in %s, a valid Adaptive Card 1.5 with the message text and link', (locale) => {
    const response = answerReportFetchTask({
      actor,
      value: onMessage('reportDeviation', '<p>Kunden fik <b>forkert</b> skabelon</p><p>Det skete igen i dag.</p>'),
      locale,
    });
    const card = cardOf(response);
    expectValidCard(card);
    expect(inputValue(card, 'kind')).toBe('deviation');
    expect(inputValue(card, 'title')).toBe('Kunden fik forkert skabelon');
    expect(inputValue(card, 'description')).toBe('Kunden fik forkert skabelon\nDet skete igen i dag.');
    const submit = allActions(card).find((action) => action.type === 'Action.Submit')!;
    expect(submit.data).toEqual({
      commandId: 'reportDeviation',
      messageLink: link,
      messageText: 'Kunden fik forkert skabelon\nDet skete igen i dag.',
    });
    expect(allActions(card).some((action) => action.type === 'Action.OpenUrl' && action.url === link)).toBe(true);
  });

  it('"Foreslå forbedring" preselects a suggestion; a link that is not Teams is left out', () => {
    const response = answerReportFetchTask({
      actor,
      value: {
        commandId: 'suggestImprovement',
        messagePayload: { linkToMessage: 'javascript:alert(1)', body: { contentType: 'text', content: 'Idé' } },
      },
      locale: 'da',
    });
    const card = cardOf(response);
    expectValidCard(card);
    expect(inputValue(card, 'kind')).toBe('suggestion');
    expect(JSON.stringify(card)).not.toContain('javascript:');
  });

  it('a long hostile message still makes a valid card under the size limit', () => {
    const hostile = `**bold** [link](https://evil.example) {{DATE(2026-01-01T00:00:00Z)}} <script>x</script> ${'æø'.repeat(4000)}`;
    expectValidCard(
      cardOf(answerReportFetchTask({ actor, value: onMessage('reportDeviation', hostile), locale: 'da' })),
    );
  });

  it('a person the handbook does not know gets a message, not a form', () => {
    const response = answerReportFetchTask({ actor: null, value: onMessage('reportDeviation', 'x'), locale: 'da' });
    expect(response).toEqual({
      task: { type: 'message', value: 'Du er ikke oprettet i kvalitetshåndbogen. Kontakt kvalitetskoordinatoren.' },
    });
  });
});

describe('composeExtension/submitAction: validated, then filed by the register', () => {
  function recorder() {
    const filed: RegisterReportBody[] = [];
    return {
      filed,
      fileReport: async (_actor: Actor, report: RegisterReportBody) => {
        filed.push(report);
        return { receiptNumber: 'A-2026-0007' };
      },
    };
  }
  const submitted = (data: Record<string, unknown>): ExtensionAction => ({
    commandId: 'reportDeviation',
    commandContext: 'message',
    data: { commandId: 'reportDeviation', messageLink: link, messageText: 'Original besked', ...data },
  });

  it('files a valid report and closes with the receipt number', async () => {
    const { filed, fileReport } = recorder();
    const response = await answerReportSubmit(
      { fileReport },
      {
        actor,
        value: submitted({ kind: 'deviation', title: ' Forkert skabelon ', description: 'Det skete igen.' }),
        locale: 'da',
      },
    );
    expect(response).toEqual({
      task: {
        type: 'message',
        value: 'Tak. Afvigelse er registreret som A-2026-0007. Du kan følge den under Register i Kvalitetshåndbogen.',
      },
    });
    expect(filed).toEqual([
      {
        kind: 'deviation',
        title: 'Forkert skabelon',
        description: 'Det skete igen.',
        procedureIds: [],
        scope: 'unit',
        sourceMessage: { text: 'Original besked', url: link },
      },
    ]);
  });

  it.each([
    ['an unknown kind', { kind: 'ris', title: 't', description: 'd' }, 'Vælg, hvad du vil melde.'],
    ['an empty title', { kind: 'deviation', title: '  ', description: 'd' }, 'Overskriften mangler'],
    [
      'a description too long',
      { kind: 'suggestion', title: 't', description: 'x'.repeat(5001) },
      'Beskrivelsen mangler',
    ],
    ['a title that is not text', { kind: 'deviation', title: { $ne: 1 }, description: 'd' }, 'Overskriften mangler'],
    [
      'a link elsewhere',
      { kind: 'deviation', title: 't', description: 'd', messageLink: 'https://evil.example/x' },
      'ikke et Teams-link',
    ],
  ])('%s: the form again, with the problem named, and nothing filed', async (_name, data, problem) => {
    const { filed, fileReport } = recorder();
    const response = await answerReportSubmit({ fileReport }, { actor, value: submitted(data), locale: 'da' });
    const card = cardOf(response);
    expectValidCard(card);
    expect(visibleText(card)).toContain('Formularen blev ikke sendt. Ret dette:');
    expect(visibleText(card)).toContain(problem);
    expect(filed).toEqual([]);
  });

  it('what the register refuses as VALIDATION is shown on the form; other failures are not hidden', async () => {
    const refusing = async () => {
      throw new AppError('VALIDATION', 'no');
    };
    const value = submitted({ kind: 'deviation', title: 't', description: 'd' });
    const again = await answerReportSubmit({ fileReport: refusing }, { actor, value, locale: 'en' });
    expect(visibleText(cardOf(again))).toContain('The form data could not be read.');
    const broken = async () => {
      throw new Error('disk full');
    };
    await expect(answerReportSubmit({ fileReport: broken }, { actor, value, locale: 'en' })).rejects.toThrow(
      'disk full',
    );
  });

  it('an unknown command or person is answered with a message', async () => {
    const { fileReport } = recorder();
    const unknown = await answerReportSubmit(
      { fileReport },
      { actor, value: { commandId: 'deleteEverything', data: {} }, locale: 'da' },
    );
    expect(unknown.task).toEqual({ type: 'message', value: 'Kvalitetshåndbogen kender ikke denne handling.' });
    const stranger = await answerReportSubmit({ fileReport }, { actor: null, value: submitted({}), locale: 'nb' });
    expect(stranger.task.type).toBe('message');
  });
});
