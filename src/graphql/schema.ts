import { builder } from './builder.js';
import './types/scalars.js';
import './types/enums.js';
import './types/provider.js';
import './types/endpoint.js';
import './types/model.js';
import './types/endpoint-health.js';
import './types/user-errors.js';
import './types/api-key.js';
import './types/byok-key.js';
import './types/viewer.js';
import './types/key-mutations.js';
import './types/credit-mutations.js';
import './types/admin-mutations.js';
import './types/route-plan.js';
import './types/provider-health-subscription.js';

export const schema = builder.toSchema({ sortSchema: true });
