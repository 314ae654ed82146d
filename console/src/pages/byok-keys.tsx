import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import { Card } from '../components/page';
import { Empty, ErrorBox, QueryView, Success } from '../components/states';
import { when } from '../lib/format';
import { requestErrorMessage, userErrorMessage } from '../lib/errors';

const ByokList = graphql(`
  query ByokList {
    viewer {
      byokKeys {
        id
        mask
        alwaysUse
        updatedAt
        provider {
          slug
          name
        }
      }
    }
    providers {
      slug
      name
    }
  }
`);

const SetByokKey = graphql(`
  mutation SetByokKey($input: SetByokKeyInput!) {
    setByokKey(input: $input) {
      __typename
      ... on ByokKey {
        id
        mask
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

const DeleteByokKey = graphql(`
  mutation DeleteByokKey($id: ID!) {
    deleteByokKey(id: $id) {
      __typename
      ... on UserError {
        code
        message
      }
    }
  }
`);

/** The account's own provider keys: stored encrypted, shown masked, used before platform credits. */
export function ByokKeys() {
  const [result, refetch] = useQuery({ query: ByokList });
  const [{ fetching }, setByokKey] = useMutation(SetByokKey);
  const [, deleteByokKey] = useMutation(DeleteByokKey);
  const [form, setForm] = useState({ provider: '', secret: '', alwaysUse: false });
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const reload = () => refetch({ requestPolicy: 'network-only' });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setNotice(null);
    if (!form.provider || !form.secret.trim()) return setError('Choose a provider and paste its API key.');
    const r = await setByokKey({ input: { provider: form.provider, secret: form.secret.trim(), alwaysUse: form.alwaysUse } });
    const outcome = r.data?.setByokKey;
    if (r.error) return setError(requestErrorMessage(r.error));
    if (outcome?.__typename !== 'ByokKey') return outcome && setError(userErrorMessage(outcome));
    setNotice(`Stored (${outcome.mask}). Requests to this provider now use your key first.`);
    setForm({ provider: '', secret: '', alwaysUse: false });
    reload();
  };

  const remove = async (id: string) => {
    setError(null);
    const r = await deleteByokKey({ id });
    const outcome = r.data?.deleteByokKey;
    if (r.error) return setError(requestErrorMessage(r.error));
    if (outcome && outcome.__typename !== 'DeletedByokKey') return setError(userErrorMessage(outcome));
    setNotice('Removed.');
    reload();
  };

  return (
    <Card title="Provider keys (BYOK)">
      <QueryView result={result} retry={reload} label="Loading provider keys…">
        {(data) => (
          <>
            {data.viewer.byokKeys.length === 0 ? (
              <Empty>No provider keys. Add one to send requests to that provider with your own account: credits then pay only the BYOK fee.</Empty>
            ) : (
              <div className="table-wrap">
                <table>
                  <thead>
                    <tr>
                      <th>Provider</th>
                      <th>Key</th>
                      <th>Fallback to credits</th>
                      <th>Updated</th>
                      <th />
                    </tr>
                  </thead>
                  <tbody>
                    {data.viewer.byokKeys.map((k) => (
                      <tr key={k.id}>
                        <td>{k.provider.name}</td>
                        <td className="mono">{k.mask}</td>
                        <td>{k.alwaysUse ? 'no (always this key)' : 'yes'}</td>
                        <td>{when(k.updatedAt)}</td>
                        <td>
                          <button type="button" className="danger" onClick={() => remove(k.id)}>
                            Remove
                          </button>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            <form className="form-grid" onSubmit={submit}>
              <label>
                Provider
                <select name="byokProvider" value={form.provider} onChange={(e) => setForm({ ...form, provider: e.target.value })}>
                  <option value="">Choose…</option>
                  {data.providers.map((p) => (
                    <option key={p.slug} value={p.slug}>
                      {p.name}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                Provider API key
                <input name="byokSecret" type="password" autoComplete="off" value={form.secret} onChange={(e) => setForm({ ...form, secret: e.target.value })} placeholder="write-only: never shown again" />
              </label>
              <label className="check">
                <input type="checkbox" checked={form.alwaysUse} onChange={(e) => setForm({ ...form, alwaysUse: e.target.checked })} />
                Always use this key (no fallback to credits)
              </label>
              <div>
                <button type="submit" className="primary" disabled={fetching}>
                  Save provider key
                </button>
              </div>
            </form>
          </>
        )}
      </QueryView>
      {error && <ErrorBox message={error} />}
      {notice && <Success>{notice}</Success>}
    </Card>
  );
}
