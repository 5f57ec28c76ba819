const storageKey = 'kvalitetshaandbog.localUser';

/** The demo person chosen with "Log ind som" (local mode only). */
export function readStoredLocalUser(): string | null {
  try {
    return localStorage.getItem(storageKey);
  } catch {
    return null;
  }
}

export function storeLocalUser(personId: string | null): void {
  try {
    if (personId) localStorage.setItem(storageKey, personId);
    else localStorage.removeItem(storageKey);
  } catch {
    // Storage can be blocked; the choice then lasts until the page is reloaded.
  }
}
