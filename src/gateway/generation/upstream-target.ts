import type { RoutableEndpoint } from '../../core/routing/index.js';
import type { RequestParameter } from '../../core/llm/request.js';
import type { UpstreamTarget } from '../../adapters/adapter.js';
import type { DispatchInfo } from '../routing/catalog-snapshot.js';
import type { Upstream } from '../upstreams.js';

/** Where one attempt is sent and how: the endpoint's provider model, the resolved upstream, its parameters. */
export function upstreamTarget(info: DispatchInfo, upstream: Extract<Upstream, { baseUrl: string }>, endpoint: RoutableEndpoint): UpstreamTarget {
  return {
    baseUrl: upstream.baseUrl,
    apiKey: upstream.apiKey,
    providerModelId: info.providerModelId,
    supportedParameters: [...endpoint.supportedParameters] as RequestParameter[],
    ...(upstream.headers ? { extraHeaders: upstream.headers } : {}),
  };
}
