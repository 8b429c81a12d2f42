"use client";
import { useEffect, useState } from "react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { queryKeys } from "@/lib/query-keys";
import { isSearchable } from "@/lib/search/query";
import type { SearchResults } from "@/lib/search/results";

/** Waits until typing pauses, so a word typed quickly asks the server once. */
function useSettled(value: string, ms: number): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/** The staff search's results for what is typed (GET /api/admin/search); nothing is asked for a query too short. */
export function useStaffSearch(typed: string) {
  const q = useSettled(typed.trim(), 120);
  const searchable = isSearchable(q);
  const query = useQuery({
    queryKey: queryKeys.search(q),
    enabled: searchable,
    staleTime: 10_000,
    placeholderData: keepPreviousData,
    queryFn: async ({ signal }): Promise<SearchResults> => {
      const response = await fetch(`/api/admin/search?${new URLSearchParams({ q })}`, { signal, headers: { accept: "application/json" } });
      if (!response.ok) throw new Error(`search answered ${response.status}`);
      return (await response.json()) as SearchResults;
    },
  });
  return {
    q,
    searchable,
    results: searchable ? query.data : undefined,
    failed: query.isError,
    settled: q === typed.trim() && !query.isFetching,
  };
}
