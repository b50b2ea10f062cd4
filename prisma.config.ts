// Prisma 7 CLI: used for `prisma generate` only. Migrations run on the pinned Prisma 6.19 CLI
// (prisma6.config.ts) because Prisma 7's migrate commands need a native schema engine that is
// downloaded from the vendor's host, which these machines cannot reach.
import { defineConfig } from 'prisma/config';

if (/^(migrate|db)$/.test(process.argv[2] ?? '')) {
  throw new Error(
    'migrations: use `npm run db:migrate`, `db:status` or `db:diff` (Prisma 6.19 CLI, prisma6.config.ts)',
  );
}
// Prisma 7 asks for a schema-engine binary before any command; `generate` never runs it.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= '/dev/null';

export default defineConfig({ schema: 'prisma/schema.prisma' });
