import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import type { ApiKeyKind, KeysListQuery, LimitReset } from '../gql/graphql';
import { useSession } from '../api/session-context';
import { Badge, Card, Page } from '../components/page';
import { Empty, ErrorBox, QueryView, Success } from '../components/states';
import { CopyButton } from '../components/copy-button';
import { ByokKeys } from './byok-keys';
import { parseAmount, usd } from '../lib/money';
import { enumLabel, when } from '../lib/format';
import { requestErrorMessage, userErrorMessage } from '../lib/errors';

const KeysList = graphql(`
  query KeysList {
    viewer {
      key {
        id
      }
      keys {
        id
        name
        prefix
        kind
        disabled
        limit
        limitReset
        limitRemaining
        usage
        includeByokInLimit
        expiresAt
        createdAt
      }
    }
  }
`);

const CreateKey = graphql(`
  mutation CreateKey($input: CreateKeyInput!) {
    createKey(input: $input) {
      __typename
      ... on CreatedKey {
        secret
        key {
          id
          name
        }
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

const UpdateKey = graphql(`
  mutation UpdateKey($input: UpdateKeyInput!) {
    updateKey(input: $input) {
      __typename
      ... on ApiKey {
        id
        disabled
        limit
        limitReset
        limitRemaining
        includeByokInLimit
        name
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

const DeleteKey = graphql(`
  mutation DeleteKey($id: ID!) {
    deleteKey(id: $id) {
      __typename
      ... on DeletedKey {
        deletedKeyId
      }
      ... on UserError {
        code
        message
      }
    }
  }
`);

type ApiKeyRow = KeysListQuery['viewer']['keys'][number];
const RESETS: LimitReset[] = ['NONE', 'DAILY', 'WEEKLY', 'MONTHLY'];

export function KeysPage() {
  const session = useSession();
  return (
    <Page title="Keys">
      {session.isManagement ? (
        <>
          <ApiKeys />
          <ByokKeys />
        </>
      ) : (
        <Empty>
          You are signed in with an inference key (<span className="mono">{session.viewer.key.prefix}…</span>, “{session.viewer.key.name}”). Creating, editing and deleting keys, and
          provider keys (BYOK), need a management key: sign out and sign in with one.
        </Empty>
      )}
    </Page>
  );
}

function ApiKeys() {
  const [result, refetch] = useQuery({ query: KeysList });
  const reload = () => refetch({ requestPolicy: 'network-only' });
  return (
    <>
      <CreateKeyForm onCreated={reload} />
      <Card title="API keys">
        <QueryView result={result} retry={reload} label="Loading keys…">
          {(data) => (
            <div className="table-wrap">
              <table className="keys">
                <thead>
                  <tr>
                    <th>Name</th>
                    <th>Kind</th>
                    <th className="num">Limit</th>
                    <th className="num">Remaining</th>
                    <th className="num">Used</th>
                    <th>Expires</th>
                    <th>State</th>
                    <th>Actions</th>
                  </tr>
                </thead>
                <tbody>
                  {data.viewer.keys.map((key) => (
                    <KeyRow key={key.id} apiKey={key} current={key.id === data.viewer.key.id} onChanged={reload} />
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </QueryView>
      </Card>
    </>
  );
}

/** datetime-local has no zone: the console works in UTC, like the server's limit periods. */
const utcIso = (local: string) => (local ? new Date(`${local}:00Z`).toISOString() : null);

function CreateKeyForm({ onCreated }: { onCreated: () => void }) {
  const [{ fetching }, createKey] = useMutation(CreateKey);
  const [form, setForm] = useState({ name: '', kind: 'INFERENCE' as ApiKeyKind, limit: '', limitReset: 'NONE' as LimitReset, expiresAt: '', includeByokInLimit: false });
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<{ name: string; secret: string } | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    if (!form.name.trim()) return setError('Give the key a name.');
    const limit = form.limit.trim() ? parseAmount(form.limit) : null;
    if (form.limit.trim() && limit === null) return setError('The limit must be an amount in USD, e.g. 5 or 12.50.');
    const result = await createKey({
      input: { name: form.name.trim(), kind: form.kind, limit, limitReset: form.limitReset, includeByokInLimit: form.includeByokInLimit, expiresAt: utcIso(form.expiresAt) },
    });
    const outcome = result.data?.createKey;
    if (result.error) return setError(requestErrorMessage(result.error));
    if (outcome?.__typename !== 'CreatedKey') return outcome && setError(userErrorMessage(outcome));
    // The secret lives in this component's state until dismissed: it is never stored or shown again.
    setCreated({ name: outcome.key.name, secret: outcome.secret });
    setForm({ ...form, name: '', limit: '', expiresAt: '' });
    onCreated();
  };

  return (
    <Card title="Create a key">
      {created ? (
        <div className="secret-once" role="status">
          <p>
            <strong>Copy “{created.name}” now.</strong> It is shown only this once: Switchyard stores only its hash.
          </p>
          <div className="secret-row">
            <input className="mono" readOnly value={created.secret} aria-label="New API key" data-testid="new-key-secret" onFocus={(e) => e.target.select()} />
            <CopyButton text={created.secret} />
          </div>
          <button type="button" className="primary" onClick={() => setCreated(null)}>
            I have copied it
          </button>
        </div>
      ) : (
        <form className="form-grid" onSubmit={submit}>
          <label>
            Name
            <input name="name" value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} placeholder="e.g. staging backend" />
          </label>
          <label>
            Kind
            <select name="kind" value={form.kind} onChange={(e) => setForm({ ...form, kind: e.target.value as ApiKeyKind })}>
              <option value="INFERENCE">Inference (call models)</option>
              <option value="MANAGEMENT">Management (also keys and credits)</option>
            </select>
          </label>
          <label>
            Spending limit (USD)
            <input name="limit" inputMode="decimal" value={form.limit} onChange={(e) => setForm({ ...form, limit: e.target.value })} placeholder="none" />
          </label>
          <label>
            Limit resets
            <select name="limitReset" value={form.limitReset} onChange={(e) => setForm({ ...form, limitReset: e.target.value as LimitReset })}>
              {RESETS.map((r) => (
                <option key={r} value={r}>
                  {r === 'NONE' ? 'Never' : enumLabel(r)}
                </option>
              ))}
            </select>
          </label>
          <label>
            Expires (UTC)
            <input name="expiresAt" type="datetime-local" value={form.expiresAt} onChange={(e) => setForm({ ...form, expiresAt: e.target.value })} />
          </label>
          <label className="check">
            <input type="checkbox" checked={form.includeByokInLimit} onChange={(e) => setForm({ ...form, includeByokInLimit: e.target.checked })} />
            Count usage with your own provider keys in the limit
          </label>
          {error && <ErrorBox message={error} />}
          <div>
            <button type="submit" className="primary" disabled={fetching}>
              {fetching ? 'Creating…' : 'Create key'}
            </button>
          </div>
        </form>
      )}
    </Card>
  );
}

function KeyRow({ apiKey, current, onChanged }: { apiKey: ApiKeyRow; current: boolean; onChanged: () => void }) {
  const [, updateKey] = useMutation(UpdateKey);
  const [, deleteKey] = useMutation(DeleteKey);
  const [mode, setMode] = useState<'view' | 'edit' | 'confirm-delete'>('view');
  const [edit, setEdit] = useState({ name: apiKey.name, limit: apiKey.limit ?? '', limitReset: apiKey.limitReset, includeByokInLimit: apiKey.includeByokInLimit });
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  const run = async (perform: () => Promise<{ error?: Parameters<typeof requestErrorMessage>[0]; outcome?: { __typename?: string; code?: string; message?: string } | null }>, ok: string) => {
    setError(null);
    const { error: failure, outcome } = await perform();
    if (failure) return setError(requestErrorMessage(failure));
    if (outcome && outcome.__typename !== ok) return setError(userErrorMessage(outcome));
    setMode('view');
    setSaved(true);
    onChanged();
  };

  const toggleDisabled = () =>
    run(async () => {
      const r = await updateKey({ input: { id: apiKey.id, disabled: !apiKey.disabled } });
      return { error: r.error, outcome: r.data?.updateKey };
    }, 'ApiKey');

  const save = (event: FormEvent) => {
    event.preventDefault();
    const limit = edit.limit.trim() ? parseAmount(edit.limit) : null;
    if (edit.limit.trim() && limit === null) return setError('The limit must be an amount in USD.');
    void run(async () => {
      const r = await updateKey({ input: { id: apiKey.id, name: edit.name.trim() || apiKey.name, limit, limitReset: edit.limitReset, includeByokInLimit: edit.includeByokInLimit } });
      return { error: r.error, outcome: r.data?.updateKey };
    }, 'ApiKey');
  };

  const remove = () =>
    run(async () => {
      const r = await deleteKey({ id: apiKey.id }, { additionalTypenames: ['ApiKey'] });
      return { error: r.error, outcome: r.data?.deleteKey };
    }, 'DeletedKey');

  return (
    <>
      <tr data-key-name={apiKey.name}>
        <td>
          <strong>{apiKey.name}</strong> {current && <Badge tone="info">this session</Badge>}
          <div className="muted mono">{apiKey.prefix}…</div>
        </td>
        <td>{enumLabel(apiKey.kind)}</td>
        <td className="num">
          {apiKey.limit ? usd(apiKey.limit) : 'none'}
          {apiKey.limit && apiKey.limitReset !== 'NONE' && <div className="muted">{enumLabel(apiKey.limitReset)}</div>}
        </td>
        <td className="num">{apiKey.limitRemaining ? usd(apiKey.limitRemaining) : '—'}</td>
        <td className="num">{usd(apiKey.usage)}</td>
        <td>{apiKey.expiresAt ? when(apiKey.expiresAt) : 'never'}</td>
        <td>{apiKey.disabled ? <Badge tone="bad">disabled</Badge> : <Badge tone="good">active</Badge>}</td>
        <td className="actions">
          {mode === 'confirm-delete' ? (
            <>
              <span>Delete for good?</span>
              <button type="button" className="danger" onClick={remove}>
                Delete
              </button>
              <button type="button" onClick={() => setMode('view')}>
                Cancel
              </button>
            </>
          ) : (
            <>
              <button type="button" onClick={toggleDisabled}>
                {apiKey.disabled ? 'Enable' : 'Disable'}
              </button>
              <button type="button" onClick={() => setMode(mode === 'edit' ? 'view' : 'edit')}>
                Edit
              </button>
              <button type="button" className="danger" onClick={() => setMode('confirm-delete')}>
                Delete
              </button>
            </>
          )}
        </td>
      </tr>
      {(mode === 'edit' || error || saved) && (
        <tr className="row-detail">
          <td colSpan={8}>
            {mode === 'edit' && (
              <form className="form-grid" onSubmit={save}>
                <label>
                  Name
                  <input value={edit.name} onChange={(e) => setEdit({ ...edit, name: e.target.value })} />
                </label>
                <label>
                  Limit (USD, empty for none)
                  <input name="editLimit" inputMode="decimal" value={edit.limit} onChange={(e) => setEdit({ ...edit, limit: e.target.value })} />
                </label>
                <label>
                  Resets
                  <select value={edit.limitReset} onChange={(e) => setEdit({ ...edit, limitReset: e.target.value as LimitReset })}>
                    {RESETS.map((r) => (
                      <option key={r} value={r}>
                        {r === 'NONE' ? 'Never' : enumLabel(r)}
                      </option>
                    ))}
                  </select>
                </label>
                <label className="check">
                  <input type="checkbox" checked={edit.includeByokInLimit} onChange={(e) => setEdit({ ...edit, includeByokInLimit: e.target.checked })} />
                  Include BYOK usage
                </label>
                <div>
                  <button type="submit" className="primary">
                    Save
                  </button>
                </div>
              </form>
            )}
            {error && <ErrorBox message={error} />}
            {saved && !error && mode === 'view' && <Success>Saved.</Success>}
          </td>
        </tr>
      )}
    </>
  );
}
