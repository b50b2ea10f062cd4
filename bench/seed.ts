/**
 * `npm run bench:seed [-- --reset]`: loads a deterministic benchmark dataset into DATABASE_URL:
 * 50 authors, 20 categories, 100 tags and 10,000 English posts (80% published over three years,
 * the rest drafts or in review; ~2 KB Markdown bodies; 1-2 categories and exactly 3 tags each).
 *
 * Applies migrations and the access model first. When posts exist already it loads nothing (exit
 * 0); `--reset` first wipes every post, category and tag, and the bench authors. Writes in batches:
 * createMany per 1,000 posts and one INSERT ... SELECT unnest(...) per join table and batch.
 */
import { hashPassword } from '../src/auth/password.js';
import { config } from '../src/config/env.js';
import { closeDatabase, initDatabase, prisma } from '../src/db/client.js';
import { insertJoinRows, SeededRandom } from '../src/db/demo-content.js';
import { deployMigrations } from '../src/db/migrate.js';
import { ensureAccessModel } from '../src/db/seed.js';
import type { Prisma } from '../src/generated/prisma/client.js';
import { slugOf } from '../src/schema/content/content-input.js';

const AUTHORS = 50;
const CATEGORIES = 20;
const TAGS = 100;
const POSTS = 10_000;
const BATCH = 1_000;
const BODY_CHARS = 2_000;
const AUTHOR_PASSWORD = 'bench author password 0123';
const authorEmail = (i: number) => `bench-author-${String(i + 1).padStart(2, '0')}@example.org`;

const DAY = 86_400_000;

const CATEGORY_NAMES = [
  'Clean water',
  'Sanitation',
  'Hygiene',
  'Education',
  'Health',
  'Climate',
  'Agriculture',
  'Gender equality',
  'Youth',
  'Community',
  'Emergency response',
  'Advocacy',
  'Research',
  'Partnerships',
  'Fundraising',
  'Volunteering',
  'Field stories',
  'Annual reports',
  'Events',
  'Organisation news',
];

const TAG_WORDS = [
  'borehole',
  'spring',
  'rainwater',
  'latrine',
  'handwashing',
  'teacher',
  'literacy',
  'girls',
  'solar',
  'pump',
  'drought',
  'flood',
  'cholera',
  'nutrition',
  'garden',
  'committee',
  'maintenance',
  'monitoring',
  'water-quality',
  'school',
  'clinic',
  'market',
  'volunteer',
  'donor',
  'policy',
];
const TAG_QUALIFIERS = ['', 'training', 'funding', 'data'];

const PLACES = [
  'Lodwar',
  'Gulu',
  'Kaolack',
  'Toliara',
  'Kaya',
  'Sindhupalchok',
  'Musoma',
  'Kabale',
  'Thiès',
  'Marsabit',
];
const SUBJECTS = [
  'A new borehole',
  'School latrines',
  'Handwashing stations',
  'Teacher training',
  'A reading club',
  'Solar pumping',
  'The water committee',
  'Rainwater tanks',
  'A hygiene campaign',
  'Girls’ scholarships',
  'Water quality testing',
  'A school garden',
];
const PREDICATES = [
  'changes daily life in',
  'reaches every school in',
  'one year on in',
  'lessons learned in',
  'scales up across',
  'a field report from',
  'what comes next for',
  'new results from',
];

const WORDS =
  'water school community pump borehole latrine teacher pupil village district committee hygiene soap tank rain season drought well spring health clinic training maintenance repair budget report partner volunteer donor data sample quality chlorine girls literacy reading classroom garden harvest solar panel pipe tap queue walk distance family mother child elder market road river valley hill dry wet monsoon plan survey budget audit result target progress'.split(
    ' ',
  );

function sentence(rng: SeededRandom): string {
  const words = Array.from({ length: rng.int(8, 18) }, () => rng.pick(WORDS));
  const text = words.join(' ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

function paragraph(rng: SeededRandom): string {
  return Array.from({ length: rng.int(3, 5) }, () => sentence(rng)).join(' ');
}

/** Pools of text built once; each post assembles ~2 KB from them. */
function textPools(rng: SeededRandom) {
  return {
    paragraphs: Array.from({ length: 400 }, () => paragraph(rng)),
    headings: Array.from({ length: 40 }, () => sentence(rng).slice(0, -1).split(' ').slice(0, 4).join(' ')),
    items: Array.from({ length: 120 }, () => sentence(rng).slice(0, -1)),
  };
}

function body(rng: SeededRandom, pools: ReturnType<typeof textPools>, place: string): string {
  const parts = [rng.pick(pools.paragraphs)];
  let length = parts[0]!.length;
  let section = 0;
  while (length < BODY_CHARS) {
    const chunk =
      section % 2 === 0
        ? `## ${rng.pick(pools.headings)}\n\n${rng.pick(pools.paragraphs)}`
        : `${Array.from({ length: rng.int(3, 5) }, () => `- ${rng.pick(pools.items)}`).join('\n')}\n\nRead more about [our work in ${place}](https://example.org/where-we-work/${slugOf(place)}) or [donate](/get-involved/donate).`;
    parts.push(chunk);
    length += chunk.length + 2;
    section++;
  }
  return parts.join('\n\n');
}

async function reset(): Promise<void> {
  await prisma.$transaction([
    prisma.$executeRawUnsafe('TRUNCATE "Post", "Category", "Tag" CASCADE'),
    prisma.revision.deleteMany({ where: { contentType: 'Post' } }),
    prisma.contentChange.deleteMany({ where: { contentType: 'Post' } }),
    prisma.user.deleteMany({ where: { email: { startsWith: 'bench-author-', endsWith: '@example.org' } } }),
  ]);
}

async function load(): Promise<void> {
  const rng = new SeededRandom(0xbe7c_2026);
  const now = Date.now();
  const role = await prisma.role.findUniqueOrThrow({ where: { name: 'author' } });

  // One hash for every author: bcrypt is deliberately slow.
  const passwordHash = await hashPassword(AUTHOR_PASSWORD);
  const first = ['Amina', 'Julien', 'Grace', 'Fatou', 'Rija', 'Sophie', 'Kwame', 'Hélène', 'Priya', 'Tom'];
  const last = ['Wanjiru', 'Marchand', 'Achieng', 'Diop', 'Rakoto'];
  await prisma.user.createMany({
    data: Array.from({ length: AUTHORS }, (_, i) => ({
      email: authorEmail(i),
      name: `${first[i % first.length]} ${last[Math.floor(i / first.length) % last.length]}`,
      passwordHash,
      roleId: role.id,
    })),
    skipDuplicates: true,
  });
  const authors = (
    await prisma.user.findMany({
      where: { email: { in: Array.from({ length: AUTHORS }, (_, i) => authorEmail(i)) } },
      select: { id: true },
      orderBy: { email: 'asc' },
    })
  ).map((u) => u.id);

  const categorySlugs = CATEGORY_NAMES.slice(0, CATEGORIES).map((name) => slugOf(name));
  await prisma.category.createMany({
    data: CATEGORY_NAMES.slice(0, CATEGORIES).map((name, i) => ({
      name,
      slug: categorySlugs[i]!,
      locale: 'en',
      description: `Posts about ${name.toLowerCase()}.`,
    })),
    skipDuplicates: true,
  });
  const tagNames = TAG_QUALIFIERS.flatMap((q) => TAG_WORDS.map((w) => (q ? `${w} ${q}` : w).replace('-', ' '))).slice(
    0,
    TAGS,
  );
  const tagSlugs = tagNames.map((name) => slugOf(name));
  await prisma.tag.createMany({
    data: tagNames.map((name, i) => ({ name, slug: tagSlugs[i]!, locale: 'en' })),
    skipDuplicates: true,
  });
  const categories = (
    await prisma.category.findMany({
      where: { locale: 'en', slug: { in: categorySlugs } },
      select: { id: true },
      orderBy: { slug: 'asc' },
    })
  ).map((c) => c.id);
  const tags = (
    await prisma.tag.findMany({
      where: { locale: 'en', slug: { in: tagSlugs } },
      select: { id: true },
      orderBy: { slug: 'asc' },
    })
  ).map((t) => t.id);

  // Generated first, then written batch by batch (Prisma's createMany is CPU-bound: writing batches
  // concurrently is no faster).
  const pools = textPools(rng);
  const batches: Array<{
    rows: Prisma.PostCreateManyInput[];
    postCategories: Array<readonly [string, string]>;
    postTags: Array<readonly [string, string]>;
  }> = [];
  for (let start = 0; start < POSTS; start += BATCH) {
    const rows: Prisma.PostCreateManyInput[] = [];
    const postCategories: Array<readonly [string, string]> = [];
    const postTags: Array<readonly [string, string]> = [];
    for (let i = start; i < Math.min(POSTS, start + BATCH); i++) {
      const id = rng.uuid();
      const place = rng.pick(PLACES);
      const title = `${rng.pick(SUBJECTS)} ${rng.pick(PREDICATES)} ${place}`;
      const roll = rng.next();
      const status = roll < 0.8 ? 'PUBLISHED' : roll < 0.9 ? 'DRAFT' : 'IN_REVIEW';
      const createdAt = new Date(now - rng.int(1, 3 * 365) * DAY - rng.int(0, DAY - 1));
      const publishedAt =
        status === 'PUBLISHED' ? new Date(Math.min(now, createdAt.getTime() + rng.int(0, 3) * DAY)) : null;
      const text = body(rng, pools, place);
      rows.push({
        id,
        slug: `${slugOf(title)}-${i + 1}`,
        locale: 'en',
        title,
        status,
        publishedAt,
        authorId: authors[i % authors.length] ?? null,
        excerpt: text.slice(0, text.indexOf('.') + 1),
        body: text,
        createdAt,
        updatedAt: publishedAt ?? createdAt,
      });
      for (const c of rng.sample(categories, rng.int(1, 2))) postCategories.push([c, id]);
      for (const t of rng.sample(tags, 3)) postTags.push([id, t]);
    }
    batches.push({ rows, postCategories, postTags });
  }
  let written = 0;
  for (const batch of batches) {
    await prisma.post.createMany({ data: batch.rows });
    await insertJoinRows(prisma, '_CategoryToPost', batch.postCategories);
    await insertJoinRows(prisma, '_PostToTag', batch.postTags);
    written += batch.rows.length;
    process.stdout.write(`  posts ${written}/${POSTS}\r`);
  }
  process.stdout.write('\n');
  await prisma.$executeRawUnsafe('ANALYZE "User", "Category", "Tag", "Post", "_CategoryToPost", "_PostToTag"');
}

async function main(): Promise<number> {
  const url = config.database.url;
  if (!url) {
    process.stderr.write(
      'bench:seed needs DATABASE_URL, e.g. DATABASE_URL=postgresql://postgres@127.0.0.1:5432/bench npm run bench:seed\n',
    );
    return 1;
  }
  const resetFirst = process.argv.includes('--reset');
  const started = performance.now();
  process.stdout.write(`${await deployMigrations(url)}\n`);
  initDatabase(url);
  try {
    await ensureAccessModel();
    const existing = await prisma.post.count();
    if (existing > 0 && !resetFirst) {
      process.stdout.write(`${existing} posts already present: nothing loaded (pass --reset to wipe and reload).\n`);
      return 0;
    }
    if (resetFirst) await reset();
    const loadStarted = performance.now();
    await load();
    const loadSeconds = (performance.now() - loadStarted) / 1000;
    const [users, categories, tags, posts, published, postCategories, postTags] = await Promise.all([
      prisma.user.count({ where: { email: { startsWith: 'bench-author-' } } }),
      prisma.category.count(),
      prisma.tag.count(),
      prisma.post.count(),
      prisma.post.count({ where: { status: 'PUBLISHED' } }),
      prisma.$queryRawUnsafe<[{ n: number }]>('SELECT count(*)::int AS n FROM "_CategoryToPost"'),
      prisma.$queryRawUnsafe<[{ n: number }]>('SELECT count(*)::int AS n FROM "_PostToTag"'),
    ]);
    process.stdout.write(
      [
        `Loaded: ${users} authors (password: ${AUTHOR_PASSWORD}), ${categories} categories, ${tags} tags,`,
        `        ${posts} posts (${published} published), ${postCategories[0].n} post-category and ${postTags[0].n} post-tag links`,
        `Load: ${loadSeconds.toFixed(1)} s; total with migrations: ${((performance.now() - started) / 1000).toFixed(1)} s`,
        '',
      ].join('\n'),
    );
    return 0;
  } finally {
    await closeDatabase();
  }
}

process.exitCode = await main().catch((error: unknown) => {
  process.stderr.write(`bench:seed failed: ${(error as Error)?.stack ?? String(error)}\n`);
  return 1;
});
