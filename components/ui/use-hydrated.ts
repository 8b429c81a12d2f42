"use client";
import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/**
 * False in the server's HTML and while React hydrates it, true once the page's script runs. A control that acts only
 * through its script (a button that opens a confirmation in place) stays disabled until then, so an early click is
 * refused visibly instead of going nowhere.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}
