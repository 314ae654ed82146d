import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import { Card, Page, Stat } from '../components/page';
import { Empty, QueryView } from '../components/states';
import { GenerationStatus } from '../components/generation-status';
import { isZero, usd } from '../lib/money';
import { count, millis, when } from '../lib/format';

const GenerationDetail = graphql(`
  query GenerationDetail($id: String!) {
    generation(id: $id) {
      id
      createdAt
      requestedModels
      model
      provider
      status
      streamed
      cancelled
      finishReason
      nativeFinishReason
      promptTokens
      completionTokens
      reasoningTokens
      cachedTokens
      cost
      byokUsage
      isByok
      ttftMs
      generationTimeMs
      attempts {
        provider
        model
        byok
        status
        errorCode
        errorMessage
        httpStatus
        ttftMs
        durationMs
      }
    }
  }
`);

export function GenerationPage() {
  const id = useParams().id ?? '';
  const [result, refetch] = useQuery({ query: GenerationDetail, variables: { id } });
  return (
    <QueryView result={result} retry={() => refetch({ requestPolicy: 'network-only' })} label="Loading the generation…">
      {({ generation: g }) =>
        !g ? (
          <Page title="Generation not found">
            <Empty>
              No settled generation <code>{id}</code> in your account (a running one appears once it settles).{' '}
              <button type="button" className="link" onClick={() => refetch({ requestPolicy: 'network-only' })}>
                Check again
              </button>{' '}
              · <Link to="/activity">All activity</Link>
            </Empty>
          </Page>
        ) : (
          <Page title={`Generation ${g.id}`} actions={<Link to="/activity">← All activity</Link>}>
            <div className="stats">
              <Stat label="Status" value={<GenerationStatus status={g.status} />} hint={g.cancelled ? 'cancelled by the client' : (g.finishReason ?? undefined)} />
              <Stat label="Charged on credits" value={<span data-testid="generation-detail-cost">{usd(g.cost)}</span>} hint={g.isByok ? 'the BYOK fee' : 'at the served endpoint’s price'} />
              {!isZero(g.byokUsage) && <Stat label="Paid with your key" value={usd(g.byokUsage)} hint="list price, billed by the provider" />}
              <Stat label="Time to first token" value={millis(g.ttftMs)} hint={g.generationTimeMs !== null && g.generationTimeMs !== undefined ? `${millis(g.generationTimeMs)} in all` : undefined} />
              <Stat label="Tokens" value={`${count(g.promptTokens)} → ${count(g.completionTokens)}`} hint={`${count(g.reasoningTokens)} reasoning · ${count(g.cachedTokens)} cached`} />
            </div>
            <Card title="Request">
              <dl className="facts">
                <dt>When</dt>
                <dd>{when(g.createdAt)}</dd>
                <dt>Requested</dt>
                <dd className="mono">{g.requestedModels.join(' → ')}</dd>
                <dt>Served</dt>
                <dd>
                  <span className="mono">{g.model ?? '—'}</span> by <strong>{g.provider ?? '—'}</strong>
                  {g.isByok ? ' with your key' : ''}
                </dd>
                <dt>Finish reason</dt>
                <dd>
                  {g.finishReason ?? '—'}
                  {g.nativeFinishReason && g.nativeFinishReason !== g.finishReason && <span className="muted"> (provider: {g.nativeFinishReason})</span>}
                </dd>
                <dt>Delivery</dt>
                <dd>{g.streamed ? 'streamed' : 'single response'}</dd>
              </dl>
            </Card>
            <Card title={`Attempts (${g.attempts.length})`}>
              {g.attempts.length === 0 ? (
                <Empty>No provider was called.</Empty>
              ) : (
                <div className="table-wrap">
                  <table className="attempts-table">
                    <thead>
                      <tr>
                        <th>#</th>
                        <th>Provider</th>
                        <th>Outcome</th>
                        <th>Error</th>
                        <th className="num">TTFT</th>
                        <th className="num">Duration</th>
                      </tr>
                    </thead>
                    <tbody>
                      {g.attempts.map((a, i) => (
                        <tr key={i}>
                          <td>{i + 1}</td>
                          <td>
                            {a.provider}
                            <div className="muted mono">
                              {a.model}
                              {a.byok ? ' · your key' : ''}
                            </div>
                          </td>
                          <td>
                            <GenerationStatus status={a.status} />
                          </td>
                          <td>{a.errorCode ? `${a.errorCode.toLowerCase()}${a.httpStatus ? ` (HTTP ${a.httpStatus})` : ''}${a.errorMessage ? `: ${a.errorMessage}` : ''}` : '—'}</td>
                          <td className="num">{millis(a.ttftMs)}</td>
                          <td className="num">{millis(a.durationMs)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
            </Card>
          </Page>
        )
      }
    </QueryView>
  );
}
