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
import './taxonomy/taxonomy.type.js';
import './content/publishable.type.js';
import './content/post.type.js';
import './content/post.mutations.js';
// content types (page, project, event) — added below this line
import './content/page.type.js';
import './content/page.mutations.js';
import './content/project.type.js';
import './content/project.mutations.js';
import './content/event.type.js';
import './content/event.mutations.js';
// taxonomy mutations and people/partners — added below this line
import './taxonomy/taxonomy.mutations.js';
import './people/person.type.js';
import './people/person.mutations.js';
import './people/partner.type.js';
import './people/partner.mutations.js';
import './media/media.type.js';
import './media/media.mutations.js';

export const schema = builder.toSchema({ sortSchema: true });
