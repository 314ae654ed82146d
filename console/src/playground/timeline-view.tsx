import { Link } from 'react-router';
import { Badge } from '../components/page';
import { count, millis } from '../lib/format';
import { usd } from '../lib/money';
import { streamFailureMessage } from '../lib/errors';
import type { Timeline, TimelineAttempt } from './timeline';

const ATTEMPT_TONE: Record<TimelineAttempt['status'], 'good' | 'warn' | 'bad' | 'neutral'> = { sending: 'warn', succeeded: 'good', failed: 'bad', cancelled: 'neutral', skipped: 'neutral' };

/** The routing timeline beside the answer: plan, attempts, served provider, TTFT, tokens, exact cost. */
export function TimelineView({ timeline, streaming }: { timeline: Timeline | null; streaming: boolean }) {
  if (!timeline) return <p className="muted">Send a message to see how it is routed: the plan, each attempt, the provider that served it, time to first token, tokens and the exact cost.</p>;
  const { plan, attempts, usage, served, failure } = timeline;
  return (
    <ol className="timeline" aria-label="Routing timeline">
      <li>
        <h3>Request</h3>
        {timeline.generationId ? (
          <p>
            Generation{' '}
            <Link className="mono" to={`/activity/${timeline.generationId}`}>
              {timeline.generationId}
            </Link>
          </p>
        ) : (
          <p className="muted">{streaming ? 'Routing…' : 'Not started.'}</p>
        )}
        {timeline.reconnects > 0 && <Badge tone="info">resumed after {timeline.reconnects} reconnect{timeline.reconnects > 1 ? 's' : ''}</Badge>}
      </li>
      <li>
        <h3>Plan</h3>
        {!plan ? (
          <p className="muted">{streaming ? 'Waiting for the routing plan…' : 'No plan was seen.'}</p>
        ) : (
          <>
            <p>
              {plan.mode}
              {plan.stickyHit ? ' · sticky (prompt cache)' : ''} · {plan.models.join(' → ')}
            </p>
            <h4>Candidates, in order</h4>
            <ol className="candidates">
              {plan.candidates.map((c, i) => (
                <li key={`${c.provider}-${c.model}-${i}`}>
                  <strong>{c.provider}</strong> <span className="muted">{c.model}</span> · {c.reason.replace(/_/g, ' ')}
                  {c.weight !== null && c.weight !== undefined && <span className="muted"> · {(c.weight * 100).toFixed(1)} % pick</span>}
                </li>
              ))}
            </ol>
            {plan.excluded.length > 0 && (
              <>
                <h4>Excluded</h4>
                <ul className="excluded">
                  {plan.excluded.map((x, i) => (
                    <li key={`${x.provider}-${x.model}-${i}`}>
                      <strong>{x.provider}</strong> <span className="muted">{x.model}</span>: {x.reason}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </>
        )}
      </li>
      <li>
        <h3>Attempts</h3>
        {attempts.length === 0 ? (
          <p className="muted">None yet.</p>
        ) : (
          <ol className="attempts">
            {attempts.map((a, i) => (
              <li key={i} data-status={a.status}>
                <strong>{a.provider}</strong> <Badge tone={ATTEMPT_TONE[a.status]}>{a.status}</Badge>
                {a.byok && <Badge tone="info">your key</Badge>}
                {a.durationMs !== null && <span className="muted"> · {millis(a.durationMs)}</span>}
                {a.error && <div className="muted">{a.error}</div>}
              </li>
            ))}
          </ol>
        )}
      </li>
      <li>
        <h3>Result</h3>
        {failure && <p className="error-text">{streamFailureMessage(failure.code, failure.message)}</p>}
        {served && (
          <p>
            Served by <strong data-testid="served-provider">{served.provider}</strong> ({served.model}), finished: {served.finishReason}
          </p>
        )}
        <dl className="facts">
          <dt>Time to first token</dt>
          <dd>
            {millis(timeline.firstTokenMs)} in the browser
            {timeline.serverTtftMs !== null && <> · {millis(timeline.serverTtftMs)} at the server</>}
          </dd>
          <dt>Tokens</dt>
          <dd>
            {usage
              ? `${count(usage.promptTokens)} prompt · ${count(usage.completionTokens)} completion${usage.reasoningTokens ? ` · ${count(usage.reasoningTokens)} reasoning` : ''}${usage.cachedTokens ? ` · ${count(usage.cachedTokens)} cached` : ''}`
              : '—'}
          </dd>
          <dt>Cost</dt>
          <dd data-testid="generation-cost">{timeline.cost !== null ? `${usd(timeline.cost)} (exact)` : '—'}</dd>
          {usage?.byokUsage && (
            <>
              <dt>Paid with your key</dt>
              <dd>{usd(usage.byokUsage)} list price</dd>
            </>
          )}
        </dl>
      </li>
    </ol>
  );
}
