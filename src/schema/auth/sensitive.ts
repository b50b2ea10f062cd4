import { type ASTVisitor, GraphQLError, Kind, type SelectionSetNode, type ValidationContext } from 'graphql';
import type { Context } from '../../context.js';
import { AppError } from '../../errors.js';

/**
 * Mutations that guard credentials run at most once per request: ten aliased `login` fields in one
 * document would otherwise be ten guesses that look like one request.
 */
export const SENSITIVE_ROOT_FIELDS = new Set(['login', 'refreshSession', 'changePassword', 'createApiToken']);

/** Validation rule: refuses a document that selects a sensitive root field more than once. */
export function oncePerRequestRule(context: ValidationContext): ASTVisitor {
  return {
    OperationDefinition(node) {
      if (node.operation !== 'mutation') return;
      const counts = new Map<string, number>();
      const visited = new Set<string>();
      const walk = (set: SelectionSetNode) => {
        for (const selection of set.selections) {
          if (selection.kind === Kind.FIELD) {
            const name = selection.name.value;
            if (SENSITIVE_ROOT_FIELDS.has(name)) counts.set(name, (counts.get(name) ?? 0) + 1);
          } else if (selection.kind === Kind.INLINE_FRAGMENT) {
            walk(selection.selectionSet);
          } else if (!visited.has(selection.name.value)) {
            visited.add(selection.name.value);
            const fragment = context.getFragment(selection.name.value);
            if (fragment) walk(fragment.selectionSet);
          }
        }
      };
      walk(node.selectionSet);
      for (const [name, count] of counts) {
        if (count > 1) {
          context.reportError(
            new GraphQLError(`"${name}" may appear at most once per request (it appears ${count} times).`, {
              nodes: [node],
            }),
          );
        }
      }
    },
  };
}

/** Run-time guard behind the validation rule (e.g. should batching ever be enabled). */
export function assertOncePerRequest(ctx: Context, field: string): void {
  if (ctx.sensitiveCalls.size > 0) {
    throw new AppError('BAD_USER_INPUT', `"${field}" may run at most once per request.`);
  }
  ctx.sensitiveCalls.add(field);
}
