import type { TextValues } from '../../../functions/src/i18n/texts';
import type { da } from './da';

/** Every key of the tab (see resources/, split by scripts/split-tab-texts.ts). */
export type { MessageKey } from './resources/tab-texts.generated';
export type MessageValues = TextValues;

/** The type of the three catalogues (da.ts, nb.ts, en.ts) where texts are edited; resources/ is generated from them. */
export type Messages = { readonly [Key in keyof typeof da]: string };
