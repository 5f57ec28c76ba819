import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { URL as NodeUrl, fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import { AdaptiveCard, HostConfig, SerializationContext, ValidationEvent } from 'adaptivecards';
import MarkdownIt from 'markdown-it';
import { expect } from 'vitest';

/**
 * Checks a card the way Teams will meet it: valid against the Adaptive Card 1.5 JSON schema,
 * parsed by Microsoft's `adaptivecards` renderer with the Teams host config without a single
 * warning or error, rendered to DOM, and small enough to send. Rendering needs a DOM: put
 * `// @vitest-environment jsdom` at the top of the test file.
 *
 * The schema and host config are copies in test/fixtures/adaptive-cards (see its README).
 */

/** Teams refuses messages over about 28 KB; cards stay under 24 KB to leave room for the envelope. */
export const cardByteLimit = 24 * 1024;

// A path, not a URL: under jsdom the global URL is jsdom's, which node:fs does not accept.
const fixtures = join(dirname(fileURLToPath(import.meta.url)), '../../../../../test/fixtures/adaptive-cards');
const readJson = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(join(fixtures, name), 'utf8')) as Record<string, unknown>;

let schemaValidator: ValidateFunction | undefined;
let teamsHostConfig: Record<string, unknown> | undefined;

function isUrl(value: string, base?: string): boolean {
  if (/\s/.test(value)) return false;
  try {
    new NodeUrl(value, base);
    return true;
  } catch {
    return false;
  }
}

function validateSchema(card: unknown): string[] {
  if (!schemaValidator) {
    const ajv = new Ajv({ strict: false, allErrors: true });
    ajv.addMetaSchema(createRequire(import.meta.url)('ajv/dist/refs/json-schema-draft-06.json') as object);
    // The two formats the schema uses (ajv-formats is not a dependency): action and image URLs.
    ajv.addFormat('uri', (value: string) => isUrl(value));
    ajv.addFormat('uri-reference', (value: string) => isUrl(value, 'https://base.invalid/'));
    // The published schema names itself with draft-04's `id`; ajv 8 reads `$id`.
    const { id, ...schema } = readJson('adaptive-card-1.5.json');
    schemaValidator = ajv.compile({ ...schema, $id: String(id) });
  }
  if (schemaValidator(card)) return [];
  return (schemaValidator.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? ''}`);
}

// Teams renders TextBlock markdown; markdown-it (CommonMark, no raw HTML) stands in for it so
// tests see what escaped user text turns into.
const markdown = new MarkdownIt({ html: false, linkify: false });
AdaptiveCard.onProcessMarkdown = (text, result) => {
  result.outputHtml = markdown.render(text);
  result.didProcess = true;
};

function parse(card: unknown): { card: AdaptiveCard; problems: string[] } {
  teamsHostConfig ??= readJson('teams-host-config-light.json');
  const parsed = new AdaptiveCard();
  parsed.hostConfig = new HostConfig(teamsHostConfig);
  const context = new SerializationContext();
  parsed.parse(card, context);
  const problems: string[] = [];
  for (let index = 0; index < context.eventCount; index++) {
    const event = context.getEventAt(index);
    problems.push(`parse: ${ValidationEvent[event.event]}: ${event.message}`);
  }
  for (const event of parsed.validateProperties().validationEvents) {
    problems.push(`validate: ${ValidationEvent[event.event]}: ${event.message}`);
  }
  return { card: parsed, problems };
}

/** What the renderer returns: a DOM element (named through the renderer's types so this file builds without the DOM lib). */
export type RenderedCard = NonNullable<ReturnType<AdaptiveCard['render']>>;

/** The card rendered by the `adaptivecards` renderer with the Teams host config (needs a DOM). */
export function renderCard(card: unknown): RenderedCard {
  if (!('document' in globalThis)) {
    throw new Error('renderCard needs a DOM: add `// @vitest-environment jsdom` to the test file.');
  }
  const element = parse(card).card.render();
  if (!element) throw new Error('The adaptivecards renderer returned no element.');
  return element;
}

export function cardBytes(card: unknown): number {
  return new TextEncoder().encode(JSON.stringify(card)).length;
}

export type CardProblems = { schema: string[]; renderer: string[]; bytes: number };

/** Every problem with a card, for assertions and for diagnosing a failing one. */
export function checkCard(card: unknown): CardProblems {
  const renderer = parse(card).problems;
  try {
    renderCard(card);
  } catch (error) {
    renderer.push(`render: ${error instanceof Error ? error.message : String(error)}`);
  }
  return { schema: validateSchema(card), renderer, bytes: cardBytes(card) };
}

export function expectValidCard(card: unknown): void {
  const problems = checkCard(card);
  expect(problems.schema, 'Adaptive Card 1.5 schema').toEqual([]);
  expect(problems.renderer, 'adaptivecards renderer with the Teams host config').toEqual([]);
  expect(problems.bytes, 'card JSON size in UTF-8 bytes').toBeLessThan(cardByteLimit);
}
