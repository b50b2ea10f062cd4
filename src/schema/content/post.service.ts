import { authorIdOfViewer } from '../../auth/rules.js';
/** Creating and editing posts; the shared workflow is in publishable.service.ts. */
import type { Caller } from '../../auth/viewer.js';
import { config } from '../../config/env.js';
import { prisma } from '../../db/client.js';
import { ValidationError } from '../../errors.js';
import { assertMediaVisible } from '../../media/visibility.js';
import { isUuid } from '../global-id.js';
import { FieldErrors, insertWithSlug, slugOf, slugTaken } from './content-input.js';
import { joinTranslationGroup, updateContent } from './publishable.service.js';

export interface PostFields {
  title?: string | null;
  slug?: string | null;
  excerpt?: string | null;
  body?: string | null;
  coverImageId?: string | null;
  editorialNotes?: string | null;
  categoryIds?: string[] | null;
  tagIds?: string[] | null;
}

function check(input: PostFields & { locale?: string | null }, creating: boolean): void {
  const errors = new FieldErrors();
  if (creating && !input.title?.trim()) errors.add('title', 'is required');
  errors.text('title', input.title, 1, 300);
  errors.slug('slug', input.slug);
  errors.text('excerpt', input.excerpt, 0, 1000);
  errors.text('body', input.body, 0, 200_000);
  errors.text('editorialNotes', input.editorialNotes, 0, 5000);
  errors.locale('locale', input.locale);
  if (input.coverImageId && !isUuid(input.coverImageId)) {
    errors.add('coverImageId', 'must be a media id');
  }
  errors.throwIfAny();
}

/** Ids that must all exist, else BAD_USER_INPUT naming the field. */
export async function assertExisting(model: 'category' | 'tag', ids: string[], field: string): Promise<void> {
  if (ids.length === 0) return;
  const found =
    model === 'category'
      ? await prisma.category.count({ where: { id: { in: ids } } })
      : await prisma.tag.count({ where: { id: { in: ids } } });
  if (found !== new Set(ids).size) throw new ValidationError({ [field]: 'names a missing item' });
}

export async function createPost(
  caller: Caller,
  input: PostFields & { title: string; locale?: string | null; translationOf?: string | null },
): Promise<string> {
  check(input, true);
  await assertMediaVisible(caller, input.coverImageId, 'coverImageId');
  const locale = input.locale ?? config.content.defaultLocale;
  const categoryIds = input.categoryIds ?? [];
  const tagIds = input.tagIds ?? [];
  await assertExisting('category', categoryIds, 'categoryIds');
  await assertExisting('tag', tagIds, 'tagIds');
  const translationGroupId = await joinTranslationGroup(caller, 'Post', input.translationOf, locale);
  const authorId = authorIdOfViewer(caller.viewer);
  const base = slugOf(input.title);
  const takenSlugs = async () =>
    (await prisma.post.findMany({ where: { locale, slug: { startsWith: base } }, select: { slug: true } })).map(
      (row) => row.slug,
    );
  return insertWithSlug(input.slug, base, takenSlugs, insertPost, (slug) => slugTaken(slug, locale));

  async function insertPost(slug: string): Promise<string> {
    const post = await prisma.post.create({
      data: {
        title: input.title.trim(),
        slug,
        locale,
        excerpt: input.excerpt ?? '',
        body: input.body ?? '',
        coverImageId: input.coverImageId ?? null,
        editorialNotes: input.editorialNotes ?? '',
        authorId,
        ...(translationGroupId ? { translationGroupId } : {}),
        categories: { connect: categoryIds.map((id) => ({ id })) },
        tags: { connect: tagIds.map((id) => ({ id })) },
      },
      select: { id: true },
    });
    return post.id;
  }
}

export async function updatePost(
  caller: Caller,
  id: string,
  input: PostFields,
  expectedVersion: number,
): Promise<string> {
  check(input, false);
  await assertMediaVisible(caller, input.coverImageId, 'coverImageId');
  const changes: Record<string, unknown> = {};
  for (const key of ['title', 'slug', 'excerpt', 'body', 'coverImageId', 'editorialNotes'] as const) {
    const value = input[key];
    if (value === undefined) continue;
    if (value === null && key !== 'coverImageId') throw new ValidationError({ [key]: 'cannot be null' });
    changes[key] = typeof value === 'string' && key === 'title' ? value.trim() : value;
  }
  const relations: Record<string, unknown> = {};
  if (input.categoryIds) {
    await assertExisting('category', input.categoryIds, 'categoryIds');
    relations.categories = { set: input.categoryIds.map((c) => ({ id: c })) };
  }
  if (input.tagIds) {
    await assertExisting('tag', input.tagIds, 'tagIds');
    relations.tags = { set: input.tagIds.map((c) => ({ id: c })) };
  }
  return updateContent(caller, 'Post', id, expectedVersion, changes, relations);
}
