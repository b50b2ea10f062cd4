/**
 * `npm run codegen`: prints the schema built from the code to schema.graphql (the public
 * contract, checked for drift in CI) and typed documents for the tests' `graphql()` operations.
 */
import type { CodegenConfig } from '@graphql-codegen/cli';
import { lexicographicSortSchema, printSchema } from 'graphql';

process.env.NODE_ENV ??= 'development';
process.env.LOG_LEVEL ??= 'silent';
const { schema } = await import('./src/schema/index.js');
const sdl = printSchema(lexicographicSortSchema(schema));

const config: CodegenConfig = {
  schema: sdl,
  documents: ['tests/**/*.ts', '!tests/generated/**'],
  ignoreNoDocuments: true,
  emitLegacyCommonJSImports: false,
  // Only `graphql(...)` calls are typed operations (not /* GraphQL */ strings); the tests' `gql()` also sends
  // deliberately malformed strings.
  pluckConfig: { globalGqlIdentifierName: ['graphql'], gqlMagicComment: 'typed-operation', modules: [] },
  generates: {
    'schema.graphql': { plugins: ['schema-ast'], config: { includeDirectives: false } },
    'tests/generated/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: { scalars: { DateTime: 'string', JSON: 'unknown' }, enumsAsTypes: true, useTypeImports: true },
    },
  },
};

export default config;
