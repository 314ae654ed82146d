import type { ReactNode } from 'react';
import type { CombinedError } from 'urql';
import { requestErrorMessage } from '../lib/errors';

export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <div className="state loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {label}
    </div>
  );
}

export function ErrorBox({ message, onRetry }: { message: string; onRetry?: () => void }) {
  return (
    <div className="state error" role="alert">
      <span>{message}</span>
      {onRetry && (
        <button type="button" className="link" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <div className="state empty">{children}</div>;
}

export function Success({ children }: { children: ReactNode }) {
  return (
    <div className="state success" role="status">
      {children}
    </div>
  );
}

interface QueryResultLike<T> {
  data?: T;
  fetching: boolean;
  error?: CombinedError;
}

/**
 * Loading, error or the data — every page shows one of the three. Stale data stays while refetching.
 * Inside a table body, `colSpan` puts the loading and error states in a full-width row.
 */
export function QueryView<T>({ result, retry, label, colSpan, children }: { result: QueryResultLike<T>; retry?: () => void; label?: string; colSpan?: number; children: (data: T) => ReactNode }) {
  const inRow = (node: ReactNode) =>
    colSpan ? (
      <tr>
        <td colSpan={colSpan}>{node}</td>
      </tr>
    ) : (
      node
    );
  if (result.error && !result.data) return inRow(<ErrorBox message={requestErrorMessage(result.error)} onRetry={retry} />);
  if (!result.data) return inRow(<Loading label={label} />);
  return (
    <>
      {result.error && inRow(<ErrorBox message={requestErrorMessage(result.error)} onRetry={retry} />)}
      {children(result.data)}
    </>
  );
}
