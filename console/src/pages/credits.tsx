import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useClient, useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import type { CreditsQuoteQuery, LedgerEntryKind } from '../gql/graphql';
import { useSession } from '../api/session-context';
import { Badge, Card, Page, Stat } from '../components/page';
import { Empty, ErrorBox, QueryView, Success } from '../components/states';
import { parseAmount, toPico, usd } from '../lib/money';
import { when } from '../lib/format';
import { requestErrorMessage, userErrorMessage } from '../lib/errors';

const CreditsAccount = graphql(`
  query CreditsAccount {
    viewer {
      account {
        id
        balance
        reserved
        available
      }
    }
  }
`);

const CreditsLedger = graphql(`
  query CreditsLedger($first: Int, $after: String, $last: Int, $before: String) {
    viewer {
      ledger(first: $first, after: $after, last: $last, before: $before) {
        pageInfo {
          hasNextPage
          hasPreviousPage
          startCursor
          endCursor
        }
        edges {
          cursor
          node {
            kind
            amount
            description
            generationId
            createdAt
          }
        }
      }
    }
  }
`);

const CreditsQuote = graphql(`
  query CreditsQuote($amount: Money!) {
    creditPurchaseQuote(amount: $amount) {
      __typename
      ... on CreditPurchaseQuote {
        amount
        fee
        charged
      }
      ... on InvalidInputError {
        code
        message
        field
      }
    }
  }
`);

const PurchaseCredits = graphql(`
  mutation PurchaseCredits($input: PurchaseCreditsInput!) {
    purchaseCredits(input: $input) {
      __typename
      ... on CreditPurchase {
        amount
        fee
        charged
        applied
      }
      ... on UserError {
        code
        message
      }
      ... on InvalidInputError {
        field
      }
    }
  }
`);

type Quote = Extract<CreditsQuoteQuery['creditPurchaseQuote'], { __typename: 'CreditPurchaseQuote' }>;
const PAGE = 20;
const KIND_LABEL: Record<LedgerEntryKind, string> = { PURCHASE: 'purchase', FEE: 'fee', USAGE: 'usage', BYOK_FEE: 'BYOK fee', REFUND: 'refund', GRANT: 'grant' };

export function CreditsPage() {
  const [account, refetchAccount] = useQuery({ query: CreditsAccount });
  const [page, setPage] = useState<{ first?: number; after?: string; last?: number; before?: string }>({ first: PAGE });
  const [ledger, refetchLedger] = useQuery({ query: CreditsLedger, variables: page });
  const refresh = () => {
    refetchAccount({ requestPolicy: 'network-only' });
    setPage({ first: PAGE });
    refetchLedger({ requestPolicy: 'network-only' });
  };

  return (
    <Page title="Credits">
      <QueryView result={account} retry={() => refetchAccount({ requestPolicy: 'network-only' })} label="Loading the balance…">
        {({ viewer: { account: a } }) => (
          <div className="stats">
            <Stat label="Balance" value={<span data-testid="balance">{usd(a.balance)}</span>} hint="the sum of the ledger" />
            <Stat label="Reserved" value={usd(a.reserved)} hint="held by generations in flight" />
            <Stat label="Available" value={usd(a.available)} hint="what new requests can spend" />
          </div>
        )}
      </QueryView>
      <Purchase onPurchased={refresh} />
      <Card title="Ledger">
        <QueryView result={ledger} retry={() => refetchLedger({ requestPolicy: 'network-only' })} label="Loading the ledger…">
          {({ viewer: { ledger: l } }) =>
            l.edges.length === 0 ? (
              <Empty>No credit movements yet.</Empty>
            ) : (
              <>
                <div className="table-wrap">
                  <table className="ledger">
                    <thead>
                      <tr>
                        <th>When</th>
                        <th>Kind</th>
                        <th className="num">Amount</th>
                        <th>Details</th>
                      </tr>
                    </thead>
                    <tbody>
                      {l.edges.map(({ cursor, node }) => (
                        <tr key={cursor}>
                          <td>{when(node.createdAt)}</td>
                          <td>
                            <Badge tone={toPico(node.amount) < 0n ? 'neutral' : 'good'}>{KIND_LABEL[node.kind]}</Badge>
                          </td>
                          <td className="num">{usd(node.amount)}</td>
                          <td>
                            {node.generationId ? (
                              <Link className="mono" to={`/activity/${node.generationId}`}>
                                {node.generationId}
                              </Link>
                            ) : (
                              node.description
                            )}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
                <div className="pager">
                  <button type="button" disabled={!l.pageInfo.hasPreviousPage || !l.pageInfo.startCursor} onClick={() => setPage({ last: PAGE, before: l.pageInfo.startCursor! })}>
                    ← Newer
                  </button>
                  <button type="button" disabled={!l.pageInfo.hasNextPage || !l.pageInfo.endCursor} onClick={() => setPage({ first: PAGE, after: l.pageInfo.endCursor! })}>
                    Older →
                  </button>
                </div>
              </>
            )
          }
        </QueryView>
      </Card>
    </Page>
  );
}

function Purchase({ onPurchased }: { onPurchased: () => void }) {
  const { isManagement } = useSession();
  const client = useClient();
  const [{ fetching }, purchase] = useMutation(PurchaseCredits);
  const [amount, setAmount] = useState('10');
  const [quote, setQuote] = useState<(Quote & { idempotencyKey: string }) | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const review = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setDone(null);
    const exact = parseAmount(amount);
    if (!exact) return setError('Enter an amount in USD, e.g. 25.');
    const r = await client.query(CreditsQuote, { amount: exact }, { requestPolicy: 'network-only' }).toPromise();
    const q = r.data?.creditPurchaseQuote;
    if (r.error) return setError(requestErrorMessage(r.error));
    if (q?.__typename !== 'CreditPurchaseQuote') return q && setError(userErrorMessage(q));
    // One key per reviewed purchase: a retried or double-clicked confirmation never charges twice.
    setQuote({ ...q, idempotencyKey: crypto.randomUUID() });
  };

  const confirm = async () => {
    if (!quote) return;
    setError(null);
    const r = await purchase({ input: { amount: quote.amount, idempotencyKey: quote.idempotencyKey } });
    const outcome = r.data?.purchaseCredits;
    if (r.error) return setError(requestErrorMessage(r.error));
    if (outcome?.__typename !== 'CreditPurchase') return outcome && setError(userErrorMessage(outcome));
    setQuote(null);
    setDone(outcome.applied ? `Added ${usd(outcome.amount)} of credits (charged ${usd(outcome.charged)}).` : 'This purchase had already gone through: nothing was charged again.');
    onPurchased();
  };

  if (!isManagement) return <Card title="Buy credits">Buying credits needs a management key: sign in with one.</Card>;
  return (
    <Card title="Buy credits">
      {quote ? (
        <div className="quote" data-testid="purchase-quote">
          <dl className="facts">
            <dt>Credits</dt>
            <dd>{usd(quote.amount)}</dd>
            <dt>Fee</dt>
            <dd>{usd(quote.fee)}</dd>
            <dt>You are charged</dt>
            <dd>
              <strong>{usd(quote.charged)}</strong>
            </dd>
          </dl>
          <button type="button" className="primary" disabled={fetching} onClick={confirm}>
            {fetching ? 'Charging…' : `Confirm: charge ${usd(quote.charged)}`}
          </button>{' '}
          <button type="button" onClick={() => setQuote(null)}>
            Change amount
          </button>
        </div>
      ) : (
        <form className="row" onSubmit={review}>
          <label>
            Amount (USD, 1–10,000)
            <input name="amount" inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} />
          </label>
          <div>
            <button type="submit" className="primary">
              Review purchase
            </button>
          </div>
        </form>
      )}
      {error && <ErrorBox message={error} />}
      {done && <Success>{done}</Success>}
    </Card>
  );
}
