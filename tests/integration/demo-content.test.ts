/** The demo content loaded on a fresh development database (src/db/demo-content.ts). */
import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '../../src/db/client.js';
import { type DemoContentCounts, seedDemoContent } from '../../src/db/demo-content.js';
import { seedDemoAccounts } from '../../src/db/seed.js';
import { gql } from '../helpers/client.js';

let counts: DemoContentCounts;
let seconds: number;

beforeAll(async () => {
  await seedDemoAccounts();
  const started = performance.now();
  counts = await seedDemoContent();
  seconds = (performance.now() - started) / 1000;
});

/** The root query fields of the running schema (pages, projects and events may not be there yet). */
async function rootFields(): Promise<Set<string>> {
  const res = await gql<{ __type: { fields: Array<{ name: string }> } }>(
    '{ __type(name: "Query") { fields { name } } }',
  );
  return new Set(res.data?.__type.fields.map((f) => f.name));
}

describe('demo content', () => {
  it('loads posts, pages, projects and events in both locales, quickly', async () => {
    expect(counts.posts).toBeGreaterThanOrEqual(140);
    expect(counts.pages).toBeGreaterThanOrEqual(36);
    expect(counts.projects).toBeGreaterThanOrEqual(24);
    expect(counts.events).toBeGreaterThanOrEqual(30);
    expect(seconds).toBeLessThan(10);
    expect(await prisma.post.count()).toBe(counts.posts);
    expect(await prisma.page.count()).toBe(counts.pages);
    expect(await prisma.project.count()).toBe(counts.projects);
    expect(await prisma.event.count()).toBe(counts.events);

    for (const locale of ['en', 'fr']) {
      expect(await prisma.category.count({ where: { locale } })).toBe(8);
      expect(await prisma.tag.count({ where: { locale } })).toBe(25);
    }
    expect(await prisma.person.count()).toBe(10);
    const partners = await prisma.partner.findMany();
    expect(partners).toHaveLength(8);
    for (const p of partners) {
      expect(p.contactName).not.toBe('');
      expect(p.contactEmail).toMatch(/^[^@\s]+@[^@\s]+$/);
      expect(p.website).toMatch(/^https:\/\//);
    }

    // Every status is represented; scheduled items are in the future.
    const statuses = await prisma.post.groupBy({ by: ['status'], _count: true });
    expect(statuses.map((s) => s.status).sort()).toEqual(['ARCHIVED', 'DRAFT', 'IN_REVIEW', 'PUBLISHED', 'SCHEDULED']);
    const published = statuses.find((s) => s.status === 'PUBLISHED')!._count;
    expect(published / counts.posts).toBeGreaterThan(0.6);
    const scheduled = await prisma.post.findMany({ where: { status: 'SCHEDULED' } });
    for (const p of scheduled) expect(p.scheduledFor!.getTime()).toBeGreaterThan(Date.now());
    const live = await prisma.post.findMany({ where: { status: 'PUBLISHED' }, select: { publishedAt: true } });
    for (const p of live) {
      expect(p.publishedAt!.getTime()).toBeLessThanOrEqual(Date.now());
      expect(p.publishedAt!.getTime()).toBeGreaterThan(Date.now() - 2 * 366 * 86_400_000);
    }

    // The demo users wrote it.
    const authors = await prisma.post.findMany({
      distinct: ['authorId'],
      select: { author: { select: { email: true } } },
    });
    expect(authors.map((a) => a.author?.email)).toEqual(
      expect.arrayContaining(['editor@example.org', 'author@example.org']),
    );
  });

  it('makes posts with Markdown bodies, 1-2 categories and 2-4 tags of their own locale', async () => {
    const posts = await prisma.post.findMany({ include: { categories: true, tags: true } });
    for (const post of posts) {
      expect(post.categories.length).toBeGreaterThanOrEqual(1);
      expect(post.categories.length).toBeLessThanOrEqual(2);
      expect(post.tags.length).toBeGreaterThanOrEqual(2);
      expect(post.tags.length).toBeLessThanOrEqual(4);
      for (const t of [...post.categories, ...post.tags]) expect(t.locale).toBe(post.locale);
      expect(post.body).toMatch(/^## /m);
      expect(post.body).toMatch(/^- /m);
      expect(post.body).toMatch(/\[[^\]]+\]\([^)]+\)/);
      expect(post.excerpt).not.toBe('');
    }
  });

  it('makes French translations of English items, a few of them outdated', async () => {
    const fr = await prisma.post.findMany({ where: { locale: 'fr' } });
    expect(fr.length).toBeGreaterThan(30);
    const groups = new Set(
      (await prisma.post.findMany({ where: { locale: 'en' }, select: { translationGroupId: true } })).map(
        (p) => p.translationGroupId,
      ),
    );
    for (const p of fr) expect(groups.has(p.translationGroupId)).toBe(true);
    expect(fr.filter((p) => p.translationOutdated).length).toBeGreaterThanOrEqual(3);
    expect(await prisma.post.count({ where: { locale: 'en', translationOutdated: true } })).toBe(0);
  });

  it('builds the page tree with paths, parents and positions in both locales', async () => {
    const pages = await prisma.page.findMany({ include: { parent: true } });
    for (const page of pages) {
      expect(page.path).toBe(page.parent ? `${page.parent.path}/${page.slug}` : page.slug);
      if (page.parent) expect(page.parent.locale).toBe(page.locale);
    }
    const team = pages.find((p) => p.locale === 'en' && p.path === 'about/team');
    expect(team).toBeDefined();
    expect(pages.find((p) => p.locale === 'fr' && p.translationGroupId === team!.translationGroupId)?.path).toBe(
      'a-propos/equipe',
    );
    for (const path of ['about', 'about/history', 'get-involved/volunteer', 'get-involved/donate', 'contact']) {
      expect(pages.some((p) => p.locale === 'en' && p.path === path)).toBe(true);
    }
    // Siblings are numbered 0, 1, 2...
    const siblings = new Map<string, number[]>();
    for (const p of pages) {
      const key = `${p.locale}:${p.parentId}`;
      siblings.set(key, [...(siblings.get(key) ?? []), p.position]);
    }
    for (const positions of siblings.values()) {
      expect(positions.sort((a, b) => a - b)).toEqual(positions.map((_, i) => i));
    }
  });

  it('makes projects with metrics, partners and taxonomy, and events linked to them', async () => {
    const projects = await prisma.project.findMany({
      include: { impactMetrics: true, partners: true, categories: true, tags: true },
    });
    for (const p of projects) {
      expect(p.impactMetrics.length).toBeGreaterThanOrEqual(2);
      expect(p.impactMetrics.length).toBeLessThanOrEqual(4);
      expect(p.partners.length).toBeGreaterThanOrEqual(1);
      expect(p.partners.length).toBeLessThanOrEqual(3);
      expect(p.categories.length).toBeGreaterThanOrEqual(1);
      expect(p.tags.length).toBeGreaterThanOrEqual(1);
      for (const c of p.countries) expect(c).toMatch(/^[A-Z]{2}$/);
      for (const g of p.sdgs) expect(g >= 1 && g <= 17).toBe(true);
      expect(p.fundingGoal!.toNumber()).toBeGreaterThan(0);
      expect(p.fundsRaised!.toNumber()).toBeLessThanOrEqual(p.fundingGoal!.toNumber());
      expect(p.currency).toMatch(/^[A-Z]{3}$/);
      expect(p.startDate!.getTime()).toBeLessThan(p.endDate!.getTime());
    }
    expect(new Set(projects.map((p) => p.phase))).toEqual(new Set(['PLANNED', 'ACTIVE', 'COMPLETED']));

    const events = await prisma.event.findMany({ include: { project: true } });
    expect(events.some((e) => e.startsAt.getTime() < Date.now())).toBe(true);
    expect(events.some((e) => e.startsAt.getTime() > Date.now())).toBe(true);
    expect(events.some((e) => e.onlineUrl?.startsWith('https://'))).toBe(true);
    const linked = events.filter((e) => e.project);
    expect(linked.length).toBeGreaterThan(3);
    for (const e of linked) expect(e.project!.locale).toBe(e.locale);
  });

  it('serves it over GraphQL: anonymous lists show published content, translations link locales', async () => {
    const list = await gql<any>('{ posts(first: 5, locale: "en") { totalCount edges { node { status locale } } } }');
    expect(list.errors).toBeUndefined();
    expect(list.data.posts.totalCount).toBeGreaterThan(50);
    expect(list.data.posts.totalCount).toBe(
      await prisma.post.count({ where: { locale: 'en', status: 'PUBLISHED', deletedAt: null } }),
    );
    expect(list.data.posts.edges).toHaveLength(5);
    for (const { node } of list.data.posts.edges) {
      expect(node.status).toBe('PUBLISHED');
      expect(node.locale).toBe('en');
    }

    const fr = await gql<any>(
      '{ posts(first: 5, locale: "fr") { edges { node { slug translations { locale slug status } } } } }',
    );
    expect(fr.errors).toBeUndefined();
    expect(fr.data.posts.edges.length).toBeGreaterThan(0);
    const { node } = fr.data.posts.edges[0];
    const en = node.translations.find((t: any) => t.locale === 'en');
    expect(en?.status).toBe('PUBLISHED');
    const [frRow, enRow] = await Promise.all([
      prisma.post.findUniqueOrThrow({ where: { locale_slug: { locale: 'fr', slug: node.slug } } }),
      prisma.post.findUniqueOrThrow({ where: { locale_slug: { locale: 'en', slug: en.slug } } }),
    ]);
    expect(frRow.translationGroupId).toBe(enRow.translationGroupId);
  });

  it('lists pages, projects and events (over GraphQL where the root queries exist)', async () => {
    const fields = await rootFields();
    const published = { status: 'PUBLISHED' as const, deletedAt: null };
    const expected = {
      pages: (locale: string) => prisma.page.count({ where: { locale, ...published } }),
      projects: (locale: string) => prisma.project.count({ where: { locale, ...published } }),
      events: (locale: string) => prisma.event.count({ where: { locale, ...published } }),
    };
    for (const [field, count] of Object.entries(expected)) {
      for (const locale of ['en', 'fr']) {
        const want = await count(locale);
        expect(want).toBeGreaterThan(0);
        if (!fields.has(field)) continue; // not in the schema yet: the database counts above stand in
        const res = await gql<any>(
          `{ ${field}(first: 3, locale: "${locale}") { totalCount edges { node { status } } } }`,
        );
        expect(res.errors).toBeUndefined();
        expect(res.data[field].totalCount).toBe(want);
        for (const { node } of res.data[field].edges) expect(node.status).toBe('PUBLISHED');
      }
    }
  });

  it('does nothing the second time', async () => {
    const before = await Promise.all([
      prisma.post.count(),
      prisma.page.count(),
      prisma.project.count(),
      prisma.event.count(),
      prisma.category.count(),
      prisma.tag.count(),
      prisma.impactMetric.count(),
    ]);
    expect(await seedDemoContent()).toEqual({ posts: 0, pages: 0, projects: 0, events: 0 });
    const after = await Promise.all([
      prisma.post.count(),
      prisma.page.count(),
      prisma.project.count(),
      prisma.event.count(),
      prisma.category.count(),
      prisma.tag.count(),
      prisma.impactMetric.count(),
    ]);
    expect(after).toEqual(before);
  });
});
