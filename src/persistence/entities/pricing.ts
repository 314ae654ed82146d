import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { moneyProperty } from '../money-type.js';

/** USD per token (prompt/completion/cache/reasoning) or per unit (request/image/web search), in pico-dollars. */
const price = () => moneyProperty().default('0');

export const PricingSchema = defineEntity({
  name: 'Pricing',
  embeddable: true,
  properties: {
    prompt: price(),
    completion: price(),
    request: price(),
    image: price(),
    webSearch: price(),
    internalReasoning: price(),
    inputCacheRead: price(),
    inputCacheWrite: price(),
  },
});

export type Pricing = InferEntity<typeof PricingSchema>;
