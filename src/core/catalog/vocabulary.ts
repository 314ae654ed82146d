/** The catalog's closed vocabularies, shared by storage, routing and every surface that shows them. */
export const quantizations = ['int4', 'int8', 'fp4', 'fp6', 'fp8', 'fp16', 'bf16', 'fp32', 'unknown'] as const;
export const endpointStatuses = ['active', 'degraded', 'disabled'] as const;
export const wireFamilies = ['openai', 'anthropic', 'gemini'] as const;
export const providerStatuses = ['active', 'disabled'] as const;
/** Who owns a catalog row: the built-in seed, the catalog file, or an operator's mutation. */
export const catalogOrigins = ['builtin', 'file', 'operator'] as const;
export const catalogActors = ['operator', 'catalog_file'] as const;
export const catalogActions = ['upsert', 'remove', 'restore'] as const;
export const catalogSubjects = ['provider', 'model', 'endpoint'] as const;
