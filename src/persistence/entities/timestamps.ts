import { p } from '@mikro-orm/core';

// The database default covers upserts, which skip onCreate hooks.
export const createdAt = () => p.datetime().defaultRaw('current_timestamp').onCreate(() => new Date());
export const updatedAt = () =>
  p.datetime().defaultRaw('current_timestamp').onCreate(() => new Date()).onUpdate(() => new Date());
