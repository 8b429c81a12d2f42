"use client";
import { startTransition, useActionState, useEffect, useRef, type FormEvent, type RefObject } from "react";
import { initialActionState, type ActionResult } from "@/lib/forms";

/** A server action as a form calls it: the previous result and the form's data. */
export type FormAction<T = void> = (prev: ActionResult<T>, form: FormData) => Promise<ActionResult<T>>;

/** What a form spreads onto itself: its action (used before hydration) and the submit handler that keeps the input. */
export type FormActionProps = {
  ref: RefObject<HTMLFormElement | null>;
  action: (form: FormData) => void;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
};

type Options = {
  /** Empty the form after a success (a note added, a colleague created), ready for the next one. */
  resetOnSuccess?: boolean;
  /** Fields to empty after a refusal (a password), everything else stays as typed. */
  clearOnFailure?: string[];
};

/**
 * Runs a form's server action and keeps what the user typed. React resets a form after every action it
 * submits, so a refusal would lose the input; here the submit event is taken over and the action dispatched
 * in a transition, which React does not follow with a reset, while useFormStatus still sees it pending.
 * `action` stays on the form, so it also works before hydration.
 */
export function useFormAction<T = void>(
  action: FormAction<T>,
  options: Options = {},
): { state: ActionResult<T>; pending: boolean; form: FormActionProps } {
  const [state, dispatch, pending] = useActionState<ActionResult<T>, FormData>(action, initialActionState);
  const ref = useRef<HTMLFormElement>(null);
  const { resetOnSuccess = false, clearOnFailure } = options;
  const clear = clearOnFailure?.join(" ");
  useEffect(() => {
    const form = ref.current;
    if (!form || state === initialActionState) return;
    if (state.ok && resetOnSuccess) form.reset();
    if (!state.ok && clear)
      for (const name of clear.split(" ")) {
        const field = form.elements.namedItem(name);
        if (field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement) field.value = "";
      }
  }, [state, resetOnSuccess, clear]);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
    startTransition(() => dispatch(data));
  };
  return { state, pending, form: { ref, action: dispatch, onSubmit } };
}
