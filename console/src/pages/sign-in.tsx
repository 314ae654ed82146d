import { useState, type FormEvent } from 'react';
import { useSessionControl } from '../api/session-context';
import { ErrorBox } from '../components/states';

export function SignInPage() {
  const { signIn } = useSessionControl();
  const [key, setKey] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!key.trim()) return setError('Paste an API key first.');
    setBusy(true);
    setError(await signIn(key));
    setBusy(false);
  };

  return (
    <main className="sign-in">
      <form className="card" onSubmit={submit}>
        <h1>Switchyard console</h1>
        <p>
          Sign in with an API key. An <strong>inference</strong> key shows the catalog, playground, usage and activity; a <strong>management</strong> key also manages keys and
          credits; the <strong>operator</strong> key adds the operator pages.
        </p>
        <label>
          API key
          <input type="password" name="apiKey" autoComplete="off" spellCheck={false} placeholder="sk-sy-v1-…" value={key} onChange={(e) => setKey(e.target.value)} autoFocus />
        </label>
        <p className="hint">Kept in this tab only (session storage); closing the tab signs you out. `npm start` prints the development keys on first start.</p>
        {error && <ErrorBox message={error} />}
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Checking…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
