/**
 * The address of one page of a filtered list: the filters stay in the query string (blank and
 * absent ones left out), and the page number replaces any the filters held.
 */
export function pageHref(path: string, filters: Record<string, unknown>, page: number): string {
  const params = new URLSearchParams();
  const query: Record<string, unknown> = { ...filters, page };
  for (const [key, value] of Object.entries(query))
    if (value !== undefined && value !== null && value !== "") params.set(key, String(value));
  return `${path}?${params}`;
}
