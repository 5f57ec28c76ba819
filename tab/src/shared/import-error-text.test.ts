import { describe, expect, it } from 'vitest';
import { danish } from '../i18n/danish-texts';
import type { MessageKey } from '../i18n/messages';
import { importErrorText } from './import-error-text';

const t = (key: MessageKey, values?: Readonly<Record<string, string | number>>) => danish(key, values);
const keys = { 'unknown-level': 'competences.import.error.unknownLevel' } as const;

describe('importErrorText', () => {
  it('words a known code in the catalogue language, with its params', () => {
    const error = { code: 'unknown-level', params: { value: '7', min: 0, max: 4 }, message: 'Unknown level "7"' };
    expect(importErrorText(error, keys, t)).toBe('Ukendt niveau «7» — brug 0–4.');
  });

  it.each(['unknown-planet', 'constructor', 'toString'])(
    'shows a generic translated line, not the server message, for the unknown code %s',
    (code) => {
      expect(importErrorText({ code, params: {}, message: 'Something new' }, keys, t)).toBe('Linjen kunne ikke læses.');
    },
  );
});
