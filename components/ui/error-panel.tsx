"use client";

/** What an error boundary shows: a plain message and one click to try again; nothing from the error itself. */
export function ErrorPanel({ title, body, retry, reset }: { title: string; body: string; retry: string; reset: () => void }) {
  return (
    <div className="card stack" role="alert">
      <h1>{title}</h1>
      <p>{body}</p>
      <div>
        <button type="button" className="button" onClick={reset}>
          {retry}
        </button>
      </div>
    </div>
  );
}
