import { context, SpanKind, SpanStatusCode, trace, type Span, type Tracer, type TracerProvider } from '@opentelemetry/api';
import { BasicTracerProvider, BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import type { RoutingDecision } from '../gateway/generation/routing-decisions.js';

const MAX_OPEN_SPANS = 10_000;

/** Spans for an OTLP collector (`OTEL_EXPORTER_OTLP_ENDPOINT`); undefined when tracing is off. */
export function createOtlpTracerProvider(endpoint: string | undefined): (TracerProvider & { shutdown(): Promise<void> }) | undefined {
  if (!endpoint) return undefined;
  return new BasicTracerProvider({
    resource: resourceFromAttributes({ 'service.name': 'switchyard' }),
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter({ url: `${endpoint.replace(/\/+$/, '')}/v1/traces` }))],
  });
}

/**
 * A trace per generation, built from the routing decisions the pipeline emits: a `generation` span from
 * plan to settlement with one child span per attempt (timed from its latency). Attributes are ids,
 * providers, models, statuses, tokens and cost — never keys or prompts.
 */
export function createGenerationTracer(provider: TracerProvider): (decision: RoutingDecision) => void {
  const tracer: Tracer = provider.getTracer('switchyard');
  const open = new Map<string, Span>();
  const end = (span: Span, ok: boolean, reason: string | null, at: number) => {
    span.setStatus(ok ? { code: SpanStatusCode.OK } : { code: SpanStatusCode.ERROR, ...(reason ? { message: reason } : {}) });
    span.end(at);
  };

  return (d) => {
    const at = Date.parse(d.at);
    if (d.kind === 'planned') {
      const span = tracer.startSpan('generation', {
        kind: SpanKind.INTERNAL,
        startTime: at,
        attributes: { 'generation.id': d.generationId ?? '', 'routing.mode': d.mode, 'routing.models': d.models, 'routing.candidates': d.candidates.length, 'routing.excluded': d.excluded.length, 'routing.sticky_hit': d.stickyHit },
      });
      if (d.generationId) open.set(d.generationId, span);
      else end(span, false, 'no_route', at);
      // A generation whose settlement failed never sends `finished`: bound what waits for one.
      if (open.size > MAX_OPEN_SPANS) {
        const [oldestId, oldest] = open.entries().next().value!;
        open.delete(oldestId);
        end(oldest, false, 'no settlement seen', at);
      }
    } else if (d.kind === 'attempt') {
      const parent = open.get(d.generationId);
      const child = tracer.startSpan(
        `attempt ${d.provider}`,
        { kind: SpanKind.CLIENT, startTime: at - (d.durationMs ?? 0), attributes: { 'llm.provider': d.provider, 'llm.model': d.model, 'attempt.status': d.status, ...(d.errorCode ? { 'error.type': d.errorCode } : {}), ...(d.httpStatus ? { 'http.response.status_code': d.httpStatus } : {}) } },
        parent ? trace.setSpan(context.active(), parent) : undefined,
      );
      end(child, d.status === 'succeeded', d.errorCode, at);
    } else {
      const span = d.generationId ? open.get(d.generationId) : undefined;
      if (d.generationId) open.delete(d.generationId);
      const target = span ?? tracer.startSpan('generation', { startTime: at, attributes: { 'generation.id': d.generationId ?? '' } });
      target.setAttributes({
        'generation.status': d.status,
        'generation.cost_pico_usd': d.costPico,
        'llm.usage.prompt_tokens': d.promptTokens,
        'llm.usage.completion_tokens': d.completionTokens,
        ...(d.provider ? { 'llm.provider': d.provider } : {}),
        ...(d.ttftMs !== null ? { 'llm.ttft_ms': d.ttftMs } : {}),
      });
      end(target, d.status === 'succeeded', d.reason, at);
    }
  };
}
