import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { Provider } from 'urql';
import { graphql } from '../gql';
import type { SignInViewerQuery } from '../gql/graphql';
import { connect, type ConnectionState, type ConsoleConnection } from './client';
import { forgetKey, readStoredKey, storeKey } from './session';
import { requestErrorMessage } from '../lib/errors';

const SignInViewer = graphql(`
  query SignInViewer {
    viewer {
      key {
        id
        name
        kind
        prefix
      }
      account {
        id
        name
        isOperator
      }
    }
  }
`);

export type Viewer = SignInViewerQuery['viewer'];

export interface Session {
  connection: ConsoleConnection;
  viewer: Viewer;
  isManagement: boolean;
  isOperator: boolean;
  connectionState: ConnectionState;
  signOut(): void;
}

interface SessionControl {
  session: Session | null;
  /** True while a stored key is being checked after a reload. */
  restoring: boolean;
  signIn(key: string): Promise<string | null>;
}

const SessionContext = createContext<SessionControl | null>(null);

/** Checks a key against the server; the connection is kept only when it is accepted. */
async function open(key: string): Promise<{ connection: ConsoleConnection; viewer: Viewer } | { error: string }> {
  const connection = connect(key);
  const result = await connection.client.query(SignInViewer, {}, { requestPolicy: 'network-only' }).toPromise();
  if (result.data) return { connection, viewer: result.data.viewer };
  connection.close();
  return { error: result.error ? requestErrorMessage(result.error) : 'The server did not answer.' };
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [active, setActive] = useState<{ connection: ConsoleConnection; viewer: Viewer } | null>(null);
  const [restoring, setRestoring] = useState(() => readStoredKey() !== null);
  const [connectionState, setConnectionState] = useState<ConnectionState>('idle');

  useEffect(() => {
    const stored = readStoredKey();
    if (!stored) return;
    let cancelled = false;
    void open(stored).then((opened) => {
      if (cancelled) return 'connection' in opened && opened.connection.close();
      if ('error' in opened) forgetKey();
      else setActive(opened);
      setRestoring(false);
    });
    return () => {
      cancelled = true;
    };
  }, []);

  useEffect(() => active?.connection.onStateChange(setConnectionState), [active]);

  const signIn = useCallback(async (key: string) => {
    const opened = await open(key.trim());
    if ('error' in opened) return opened.error;
    storeKey(key.trim());
    setActive(opened);
    return null;
  }, []);

  const signOut = useCallback(() => {
    forgetKey();
    setActive((current) => {
      current?.connection.close();
      return null;
    });
  }, []);

  const session: Session | null = active && {
    ...active,
    isManagement: active.viewer.key.kind === 'MANAGEMENT',
    isOperator: active.viewer.account.isOperator,
    connectionState,
    signOut,
  };

  return (
    <SessionContext.Provider value={{ session, restoring, signIn }}>
      {session ? <Provider value={session.connection.client}>{children}</Provider> : children}
    </SessionContext.Provider>
  );
}

export function useSessionControl(): SessionControl {
  const control = useContext(SessionContext);
  if (!control) throw new Error('useSessionControl outside SessionProvider');
  return control;
}

/** The signed-in session (pages behind sign-in only). */
export function useSession(): Session {
  const session = useSessionControl().session;
  if (!session) throw new Error('useSession without a signed-in session');
  return session;
}
