import type { CodegenConfig } from '@graphql-codegen/cli';

// Typed documents for the clients of the schema: the integration tests and the console.
const scalars = { Money: 'string', DateTime: 'string', JSON: 'unknown' };
const config: CodegenConfig = {
  schema: 'schema/schema.graphql',
  ignoreNoDocuments: false,
  generates: {
    'test/gql/': {
      documents: ['test/**/*.graphql'],
      preset: 'client',
      config: { useTypeImports: true, emitLegacyCommonJSImports: false, enumsAsTypes: true, scalars: { Money: 'string', DateTime: 'string' } },
      presetConfig: { fragmentMasking: false },
    },
    'console/src/gql/': {
      documents: ['console/src/**/*.{ts,tsx}', '!console/src/gql/**'],
      preset: 'client',
      config: { useTypeImports: true, enumsAsTypes: true, scalars },
      presetConfig: { fragmentMasking: false },
    },
  },
};

export default config;
