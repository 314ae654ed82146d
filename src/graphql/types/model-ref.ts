import { builder } from '../builder.js';
import type { Model } from '../../persistence/entities/index.js';

/** Declared apart from its fields so Endpoint and Model can refer to each other. */
export const ModelRef = builder.objectRef<Model>('Model');
