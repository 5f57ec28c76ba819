import { createContext, useContext, type ReactNode } from 'react';
import type { Api } from '../api/api';

const ApiContext = createContext<Api | null>(null);

export function ApiProvider(props: { api: Api; children: ReactNode }) {
  return <ApiContext.Provider value={props.api}>{props.children}</ApiContext.Provider>;
}

export function useApi(): Api {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi outside ApiProvider');
  return api;
}
