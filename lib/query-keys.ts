/** React Query keys: one family per admin API, with the query string that narrows it. */
export const queryKeys = {
  dashboard: (endpoint: string, query: string) => ["dashboard", endpoint, query] as const,
  search: (q: string) => ["search", q] as const,
  incidentNotices: (incidentId: number) => ["incident-notices", incidentId] as const,
};
