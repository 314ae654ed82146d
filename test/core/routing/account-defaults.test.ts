import { describe, expect, it } from 'vitest';
import { NO_ACCOUNT_DEFAULTS, withAccountDefaults } from '../../../src/core/routing/index.js';

describe('withAccountDefaults', () => {
  it('leaves a request alone when the account has no defaults', () => {
    expect(withAccountDefaults({ order: ['groq'], sort: { by: 'price', partition: 'model' } }, NO_ACCOUNT_DEFAULTS)).toEqual({ order: ['groq'], sort: { by: 'price', partition: 'model' } });
  });

  it('only narrows: ignored providers are added, deny beats allow, ZDR is required if either side requires it', () => {
    const merged = withAccountDefaults({ ignore: ['together'], dataCollection: 'allow', zdr: false, only: ['groq', 'deepinfra'] }, { ignoredProviders: ['groq', 'together'], dataCollection: 'deny', zdrOnly: true });
    expect(merged).toEqual({ ignore: ['together', 'groq'], dataCollection: 'deny', zdr: true, only: ['groq', 'deepinfra'] });
  });

  it('keeps what the request asked for when the account is permissive', () => {
    expect(withAccountDefaults({ dataCollection: 'deny', zdr: true }, NO_ACCOUNT_DEFAULTS)).toEqual({ dataCollection: 'deny', zdr: true });
  });
});
