import { builder } from '../builder.js';
import { EndpointRef } from './endpoint.js';
import { EndpointStatusEnum } from './enums.js';

builder.queryField('endpoints', (t) =>
  t.field({
    type: [EndpointRef],
    description: 'Every endpoint in the catalog, disabled ones included (unlike `Model.endpoints`), by model then provider: what an operator reviews.',
    args: {
      provider: t.arg.string({ description: 'Provider slug, e.g. "groq".' }),
      model: t.arg.string({ description: 'Model id, e.g. "openai/gpt-4o".' }),
      status: t.arg({ type: EndpointStatusEnum }),
    },
    resolve: (_root, { provider, model, status }, ctx) => ctx.catalog.findEndpoints({ provider: provider ?? undefined, model: model ?? undefined, status: status ?? undefined }),
  }),
);
