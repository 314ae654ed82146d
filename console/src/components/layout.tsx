import { useState, type ReactNode } from 'react';
import { NavLink, useLocation } from 'react-router';
import { useSession } from '../api/session-context';
import { Badge } from './page';

const LINKS = [
  { to: '/catalog', label: 'Catalog' },
  { to: '/playground', label: 'Playground' },
  { to: '/keys', label: 'Keys' },
  { to: '/credits', label: 'Credits' },
  { to: '/usage', label: 'Usage' },
  { to: '/activity', label: 'Activity' },
  { to: '/live', label: 'Live' },
];

const CONNECTION_LABEL = { idle: 'ready', connecting: 'connecting', connected: 'live', reconnecting: 'reconnecting…' } as const;

export function Layout({ children }: { children: ReactNode }) {
  const session = useSession();
  const [menuOpen, setMenuOpen] = useState(false);
  const location = useLocation();
  const links = session.isOperator ? [...LINKS, { to: '/operator', label: 'Operator' }] : LINKS;
  return (
    <div className="shell">
      <header className="topbar">
        <button type="button" className="menu-toggle" aria-expanded={menuOpen} aria-controls="nav" onClick={() => setMenuOpen(!menuOpen)}>
          Menu
        </button>
        <span className="brand">Switchyard</span>
        <span className="who" title={`Key ${session.viewer.key.prefix}…`}>
          {session.viewer.account.name} · {session.viewer.key.name}{' '}
          <Badge tone={session.isOperator ? 'info' : 'neutral'}>{session.isOperator ? 'operator' : session.isManagement ? 'management key' : 'inference key'}</Badge>
        </span>
        <span title="The WebSocket that carries live updates">
          <Badge tone={session.connectionState === 'connected' ? 'good' : session.connectionState === 'idle' ? 'neutral' : 'warn'}>{CONNECTION_LABEL[session.connectionState]}</Badge>
        </span>
        <button type="button" onClick={session.signOut}>
          Sign out
        </button>
      </header>
      <nav id="nav" className={`nav ${menuOpen ? 'open' : ''}`} aria-label="Console">
        {links.map((link) => (
          <NavLink key={link.to} to={link.to} onClick={() => setMenuOpen(false)} className={({ isActive }) => (isActive || (link.to === '/catalog' && location.pathname.startsWith('/models/')) ? 'active' : '')}>
            {link.label}
          </NavLink>
        ))}
        <a href="/graphql" target="_blank" rel="noreferrer">
          GraphiQL ↗
        </a>
      </nav>
      <main className="content">{children}</main>
    </div>
  );
}
