/**
 * `npm run db:seed`: applies migrations, then the start-up seed (permissions, built-in roles, the
 * first admin on an empty database), on DATABASE_URL. For deployments that seed before start.
 */
import { config } from '../config/env.js';
import { closeDatabase, initDatabase } from './client.js';
import { deployMigrations } from './migrate.js';
import { ensureAccessModel, ensureFirstAdmin } from './seed.js';

const url = config.database.url;
if (!url) {
  process.stderr.write('db:seed needs DATABASE_URL (npm start seeds the embedded database by itself).\n');
  process.exit(1);
}
process.stdout.write(`${await deployMigrations(url)}\n`);
initDatabase(url);
await ensureAccessModel();
const admin = await ensureFirstAdmin(config.auth.adminEmail, config.auth.adminPassword);
if (admin) {
  process.stdout.write(`First admin created: ${admin.email}\n`);
  if (admin.generatedPassword) process.stdout.write(`  password (shown once): ${admin.generatedPassword}\n`);
} else {
  process.stdout.write('Permissions and built-in roles are in place; users already exist.\n');
}
await closeDatabase();
