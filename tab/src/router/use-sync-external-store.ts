// wouter imports the useSyncExternalStore shim for React < 18; React 18+ has its own, and this
// module stands in for the shim (vite.config.ts alias), keeping the shim out of the initial JS.
export { useSyncExternalStore } from 'react';
