"use client";
import { useCallback, useMemo } from "react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { dashboardQueryString, readDashboardParams, type DashboardParams } from "@/lib/metrics/dashboard-url";
import { queryKeys } from "@/lib/query-keys";

/** The dashboard's filters, kept in the URL so a view can be bookmarked and shared; `set` replaces the URL without a reload. */
export function useDashboardFilters(allowed?: readonly (keyof DashboardParams)[]) {
  const search = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const params = useMemo(() => readDashboardParams(new URLSearchParams(search.toString()), allowed), [search, allowed]);
  const set = useCallback(
    (next: DashboardParams) => {
      const query = dashboardQueryString(next);
      router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false });
    },
    [router, pathname],
  );
  return { params, set };
}

export class DashboardError extends Error {
  constructor(
    public status: number,
    detail: string,
  ) {
    super(detail);
  }
}

/** Reads an admin dashboard API with React Query; a problem document becomes a DashboardError carrying its detail. */
export function useDashboardData<T>(endpoint: string, params: DashboardParams) {
  const query = dashboardQueryString(params);
  return useQuery({
    queryKey: queryKeys.dashboard(endpoint, query),
    queryFn: async ({ signal }): Promise<T> => {
      const response = await fetch(`/api/admin/${endpoint}${query ? `?${query}` : ""}`, {
        signal,
        headers: { accept: "application/json" },
      });
      if (!response.ok) {
        const problem = (await response.json().catch(() => null)) as { detail?: string } | null;
        throw new DashboardError(response.status, problem?.detail ?? response.statusText);
      }
      return (await response.json()) as T;
    },
    placeholderData: keepPreviousData,
  });
}
