/** Imports every domain file (each registers its types and root fields) and builds the schema. */
import { builder } from './builder.js';
import './access/roles.type.js';
import './access/roles.mutations.js';
import './access/api-tokens.type.js';
import './access/api-tokens.mutations.js';
import './users/users.type.js';
import './users/users.mutations.js';
import './auth/auth.type.js';
import './auth/auth.mutations.js';
import './audit/audit.type.js';

export const schema = builder.toSchema({ sortSchema: true });
