import type { CodegenConfig } from '@graphql-codegen/cli';

// Typed documents for clients of the schema; the integration tests are the first such client.
const config: CodegenConfig = {
  schema: 'schema/schema.graphql',
  documents: ['test/**/*.graphql'],
  ignoreNoDocuments: false,
  generates: {
    'test/gql/': {
      preset: 'client',
      config: { useTypeImports: true, emitLegacyCommonJSImports: false, enumsAsTypes: true, scalars: { Money: 'string', DateTime: 'string' } },
      presetConfig: { fragmentMasking: false },
    },
  },
};

export default config;
