import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useSearchParams } from 'react-router';
import { useClient, useQuery } from 'urql';
import { useSession } from '../api/session-context';
import { Card, Page } from '../components/page';
import { ErrorBox, QueryView } from '../components/states';
import { requestErrorMessage, streamFailureMessage, userErrorMessage } from '../lib/errors';
import { PlaygroundCancel, PlaygroundOptions, PlaygroundRouting, PlaygroundSettled } from './documents';
import { streamCompletion, type RunningStream } from './completion-stream';
import { completionInput, defaultSettings, SettingsForm, type RequestSettings } from './preferences';
import { decisionGenerationId, newTimeline, withDecision, withSettled, withStreamEvent, type RoutingDecision, type Timeline } from './timeline';
import { TimelineView } from './timeline-view';

interface ChatMessage {
  role: 'user' | 'assistant';
  content: string;
  failed?: boolean;
}

const DEFAULT_MODEL = 'meta-llama/llama-3.3-70b-instruct';
/** Decisions are kept for this many generations (the oldest dropped first). */
const DECISION_BUFFER = 200;
const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

export function PlaygroundPage() {
  const [options, retry] = useQuery({ query: PlaygroundOptions });
  const [params] = useSearchParams();
  return (
    <Page title="Playground">
      <QueryView result={options} retry={() => retry({ requestPolicy: 'network-only' })} label="Loading models…">
        {(data) => {
          const models = data.models.edges.map((e) => e.node);
          const wanted = params.get('model');
          const initial = models.find((m) => m.slug === wanted)?.slug ?? models.find((m) => m.slug === DEFAULT_MODEL)?.slug ?? models[0]?.slug ?? '';
          return <Playground models={models} providers={data.providers} initialModel={initial} />;
        }}
      </QueryView>
    </Page>
  );
}

function Playground({ models, providers, initialModel }: { models: { slug: string; name: string }[]; providers: { slug: string; name: string }[]; initialModel: string }) {
  const { connection } = useSession();
  const client = useClient();
  const [settings, setSettings] = useState<RequestSettings>(() => defaultSettings(initialModel));
  const [messages, setMessages] = useState<ChatMessage[]>([]);
  const [draft, setDraft] = useState('');
  const [answer, setAnswer] = useState('');
  const [reasoning, setReasoning] = useState('');
  const [timeline, setTimeline] = useState<Timeline | null>(null);
  const [phase, setPhase] = useState<'idle' | 'streaming' | 'reconnecting'>('idle');
  const [error, setError] = useState<string | null>(null);
  const stream = useRef<RunningStream | null>(null);
  const currentId = useRef<string | null>(null);
  const decisions = useRef(new Map<string, RoutingDecision[]>());
  /** The request in flight: its models, and the plans of this account for those models seen since it was sent. */
  const pending = useRef<{ models: string[]; plans: Set<string> } | null>(null);

  /** From now on the timeline shows generation `id`, starting with what the feed already said about it. */
  const follow = (id: string) => {
    currentId.current = id;
    const known = decisions.current.get(id) ?? [];
    setTimeline((t) => t && known.reduce(withDecision, { ...t, generationId: id }));
  };

  // Routing decisions of the account, from page load on. `complete` names its generation only at the
  // end, so the plan for the models just requested tells which generation it is (and which to resume).
  useEffect(() => {
    const subscription = client.subscription(PlaygroundRouting, {}).subscribe((result) => {
      const decision = result.data?.routingDecisions;
      const id = decision && decisionGenerationId(decision);
      if (!decision || !id) return;
      const buffer = decisions.current;
      buffer.set(id, [...(buffer.get(id) ?? []), decision]);
      if (buffer.size > DECISION_BUFFER) buffer.delete(buffer.keys().next().value!);
      if (id === currentId.current) return setTimeline((t) => t && withDecision(t, decision));
      const request = pending.current;
      if (decision.__typename === 'RoutingPlanned' && request && sameList(decision.models, request.models)) {
        request.plans.add(id);
        if (request.plans.size === 1) follow(id);
      }
    });
    return () => subscription.unsubscribe();
  }, [client]);

  useEffect(() => () => stream.current?.stop(), []);

  const settle = async (generationId: string) => {
    const settled = await client.query(PlaygroundSettled, { id: generationId }, { requestPolicy: 'network-only' }).toPromise();
    const generation = settled.data?.generation;
    if (generation) setTimeline((t) => t && withSettled(t, generation));
  };

  const send = (event?: FormEvent) => {
    event?.preventDefault();
    const content = draft.trim();
    if (!content || phase !== 'idle') return;
    const conversation = [...messages, { role: 'user' as const, content }];
    setMessages(conversation);
    setDraft('');
    setAnswer('');
    setReasoning('');
    setError(null);
    setPhase('streaming');
    currentId.current = null;
    setTimeline(newTimeline(Date.now()));
    let text = '';
    const input = completionInput(settings, conversation.map(({ role, content }) => ({ role, content })));
    pending.current = { models: [input.model!, ...(input.models ?? [])], plans: new Set() };
    // Only an unambiguous match can be resumed: two plans for the same models (another tab) could be either.
    const identify = () => (pending.current?.plans.size === 1 ? [...pending.current.plans][0]! : null);

    stream.current = streamCompletion(connection, input, {
      onEvent(e) {
        setPhase('streaming');
        const finalId = e.__typename === 'CompletionFinished' ? e.generationId : e.__typename === 'CompletionFailed' ? e.failedGenerationId : null;
        if (finalId) {
          pending.current = null;
          if (finalId !== currentId.current) follow(finalId);
        }
        const now = Date.now();
        setTimeline((t) => t && withStreamEvent(t, e, now));
        if (e.__typename === 'TextDelta') setAnswer((text += e.text));
        if (e.__typename === 'ReasoningDelta') setReasoning((r) => r + e.text);
        if (e.__typename === 'CompletionFinished') {
          // The streamed text is what the user watched; the stored one is the reference if they differ.
          const final = text === e.text ? text : e.text;
          setMessages((m) => [...m, { role: 'assistant', content: final }]);
          setAnswer('');
          setPhase('idle');
          void settle(e.generationId);
        }
        if (e.__typename === 'CompletionFailed') {
          setMessages((m) => [...m, { role: 'assistant', content: text || streamFailureMessage(e.code, e.message), failed: true }]);
          setAnswer('');
          setPhase('idle');
          if (e.failedGenerationId) void settle(e.failedGenerationId);
        }
      },
      onReconnecting() {
        setPhase('reconnecting');
        setTimeline((t) => t && { ...t, reconnects: t.reconnects + 1 });
      },
      onError(message) {
        pending.current = null;
        setError(message);
        if (text) setMessages((m) => [...m, { role: 'assistant', content: text, failed: true }]);
        setAnswer('');
        setPhase('idle');
      },
    }, identify);
  };

  const stop = async () => {
    const id = stream.current?.generationId;
    if (!id) return;
    const result = await client.mutation(PlaygroundCancel, { generationId: id }).toPromise();
    const outcome = result.data?.cancelGeneration;
    if (result.error) setError(requestErrorMessage(result.error));
    else if (outcome && outcome.__typename !== 'CancelledGeneration') setError(userErrorMessage(outcome));
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) send();
  };

  return (
    <div className="playground">
      <div className="chat-column">
        <Card>
          <SettingsForm settings={settings} onChange={setSettings} models={models} providers={providers} disabled={phase !== 'idle'} />
        </Card>
        <Card className="chat">
          <div className="messages" aria-live="polite">
            {messages.length === 0 && !answer && <p className="muted">Ask something. Answers stream over the `complete` subscription.</p>}
            {messages.map((m, i) => (
              <div key={i} className={`message ${m.role} ${m.failed ? 'failed' : ''}`}>
                <div className="role">{m.role === 'user' ? 'You' : 'Assistant'}</div>
                <div className="text">{m.content}</div>
              </div>
            ))}
            {phase !== 'idle' && (
              <div className="message assistant streaming" data-testid="streaming-answer">
                <div className="role">Assistant {phase === 'reconnecting' ? '· connection lost, resuming…' : '· streaming'}</div>
                {reasoning && (
                  <details className="reasoning">
                    <summary>Reasoning</summary>
                    {reasoning}
                  </details>
                )}
                <div className="text">{answer || '…'}</div>
              </div>
            )}
          </div>
          {error && <ErrorBox message={error} />}
          <form className="composer" onSubmit={send}>
            <textarea name="prompt" rows={3} placeholder="Message (Ctrl+Enter to send)" value={draft} onChange={(e) => setDraft(e.target.value)} onKeyDown={onKeyDown} />
            <div className="composer-actions">
              {phase === 'idle' ? (
                <button type="submit" className="primary" disabled={!draft.trim()}>
                  Send
                </button>
              ) : (
                <button type="button" onClick={stop}>
                  Stop
                </button>
              )}
              <button type="button" disabled={phase !== 'idle' || messages.length === 0} onClick={() => (setMessages([]), setTimeline(null))}>
                New chat
              </button>
            </div>
          </form>
        </Card>
      </div>
      <Card title="Routing timeline" className="timeline-column">
        <TimelineView timeline={timeline} streaming={phase !== 'idle'} />
      </Card>
    </div>
  );
}
