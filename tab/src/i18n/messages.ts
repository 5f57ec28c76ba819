import type { TextValues } from '../../../functions/src/i18n/texts';
import type { da } from './da';

/** Every key of the tab (see resources/, split by scripts/split-tab-texts.ts). */
export type { MessageKey } from './resources/tab-texts.generated';
export type MessageValues = TextValues;

/** The type of the three source catalogues (da.ts, nb.ts, en.ts) until scripts/split-tab-texts.ts removes them. */
export type Messages = { readonly [Key in keyof typeof da]: string };
