/** Danish, the source of the tab's "surveys" texts. Generated from tab/src/i18n/da.ts by scripts/split-tab-texts.ts. */
export const surveys = {};
