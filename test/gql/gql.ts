/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "query CatalogPage($first: Int, $after: String, $filter: ModelFilter, $sort: ModelSort) {\n  models(first: $first, after: $after, filter: $filter, sort: $sort) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      cursor\n      node {\n        id\n        slug\n        name\n        author\n        contextLength\n        inputModalities\n        endpoints {\n          id\n          providerModelId\n          quantization\n          contextLength\n          maxCompletionTokens\n          supportedParameters\n          status\n          pricing {\n            prompt\n            completion\n            inputCacheRead\n          }\n          provider {\n            slug\n            name\n            family\n            dataPolicy {\n              trainsOnData\n              zeroDataRetention\n            }\n          }\n        }\n      }\n    }\n  }\n}\n\nquery ModelSlugs($first: Int, $filter: ModelFilter, $sort: ModelSort) {\n  models(first: $first, filter: $filter, sort: $sort) {\n    edges {\n      node {\n        slug\n        contextLength\n        endpoints {\n          provider {\n            slug\n          }\n          pricing {\n            prompt\n            completion\n          }\n          supportedParameters\n        }\n      }\n    }\n  }\n}\n\nquery ModelById($id: String!) {\n  model(id: $id) {\n    id\n    slug\n    endpoints {\n      id\n      provider {\n        id\n        slug\n      }\n    }\n  }\n}\n\nquery NodeById($id: ID!) {\n  node(id: $id) {\n    __typename\n    ... on Model {\n      slug\n    }\n    ... on Provider {\n      slug\n    }\n    ... on Endpoint {\n      providerModelId\n    }\n  }\n}\n\nquery Providers {\n  providers {\n    slug\n    name\n    family\n    status\n  }\n}": typeof types.CatalogPageDocument,
};
const documents: Documents = {
    "query CatalogPage($first: Int, $after: String, $filter: ModelFilter, $sort: ModelSort) {\n  models(first: $first, after: $after, filter: $filter, sort: $sort) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      cursor\n      node {\n        id\n        slug\n        name\n        author\n        contextLength\n        inputModalities\n        endpoints {\n          id\n          providerModelId\n          quantization\n          contextLength\n          maxCompletionTokens\n          supportedParameters\n          status\n          pricing {\n            prompt\n            completion\n            inputCacheRead\n          }\n          provider {\n            slug\n            name\n            family\n            dataPolicy {\n              trainsOnData\n              zeroDataRetention\n            }\n          }\n        }\n      }\n    }\n  }\n}\n\nquery ModelSlugs($first: Int, $filter: ModelFilter, $sort: ModelSort) {\n  models(first: $first, filter: $filter, sort: $sort) {\n    edges {\n      node {\n        slug\n        contextLength\n        endpoints {\n          provider {\n            slug\n          }\n          pricing {\n            prompt\n            completion\n          }\n          supportedParameters\n        }\n      }\n    }\n  }\n}\n\nquery ModelById($id: String!) {\n  model(id: $id) {\n    id\n    slug\n    endpoints {\n      id\n      provider {\n        id\n        slug\n      }\n    }\n  }\n}\n\nquery NodeById($id: ID!) {\n  node(id: $id) {\n    __typename\n    ... on Model {\n      slug\n    }\n    ... on Provider {\n      slug\n    }\n    ... on Endpoint {\n      providerModelId\n    }\n  }\n}\n\nquery Providers {\n  providers {\n    slug\n    name\n    family\n    status\n  }\n}": types.CatalogPageDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CatalogPage($first: Int, $after: String, $filter: ModelFilter, $sort: ModelSort) {\n  models(first: $first, after: $after, filter: $filter, sort: $sort) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      cursor\n      node {\n        id\n        slug\n        name\n        author\n        contextLength\n        inputModalities\n        endpoints {\n          id\n          providerModelId\n          quantization\n          contextLength\n          maxCompletionTokens\n          supportedParameters\n          status\n          pricing {\n            prompt\n            completion\n            inputCacheRead\n          }\n          provider {\n            slug\n            name\n            family\n            dataPolicy {\n              trainsOnData\n              zeroDataRetention\n            }\n          }\n        }\n      }\n    }\n  }\n}\n\nquery ModelSlugs($first: Int, $filter: ModelFilter, $sort: ModelSort) {\n  models(first: $first, filter: $filter, sort: $sort) {\n    edges {\n      node {\n        slug\n        contextLength\n        endpoints {\n          provider {\n            slug\n          }\n          pricing {\n            prompt\n            completion\n          }\n          supportedParameters\n        }\n      }\n    }\n  }\n}\n\nquery ModelById($id: String!) {\n  model(id: $id) {\n    id\n    slug\n    endpoints {\n      id\n      provider {\n        id\n        slug\n      }\n    }\n  }\n}\n\nquery NodeById($id: ID!) {\n  node(id: $id) {\n    __typename\n    ... on Model {\n      slug\n    }\n    ... on Provider {\n      slug\n    }\n    ... on Endpoint {\n      providerModelId\n    }\n  }\n}\n\nquery Providers {\n  providers {\n    slug\n    name\n    family\n    status\n  }\n}"): (typeof documents)["query CatalogPage($first: Int, $after: String, $filter: ModelFilter, $sort: ModelSort) {\n  models(first: $first, after: $after, filter: $filter, sort: $sort) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      cursor\n      node {\n        id\n        slug\n        name\n        author\n        contextLength\n        inputModalities\n        endpoints {\n          id\n          providerModelId\n          quantization\n          contextLength\n          maxCompletionTokens\n          supportedParameters\n          status\n          pricing {\n            prompt\n            completion\n            inputCacheRead\n          }\n          provider {\n            slug\n            name\n            family\n            dataPolicy {\n              trainsOnData\n              zeroDataRetention\n            }\n          }\n        }\n      }\n    }\n  }\n}\n\nquery ModelSlugs($first: Int, $filter: ModelFilter, $sort: ModelSort) {\n  models(first: $first, filter: $filter, sort: $sort) {\n    edges {\n      node {\n        slug\n        contextLength\n        endpoints {\n          provider {\n            slug\n          }\n          pricing {\n            prompt\n            completion\n          }\n          supportedParameters\n        }\n      }\n    }\n  }\n}\n\nquery ModelById($id: String!) {\n  model(id: $id) {\n    id\n    slug\n    endpoints {\n      id\n      provider {\n        id\n        slug\n      }\n    }\n  }\n}\n\nquery NodeById($id: ID!) {\n  node(id: $id) {\n    __typename\n    ... on Model {\n      slug\n    }\n    ... on Provider {\n      slug\n    }\n    ... on Endpoint {\n      providerModelId\n    }\n  }\n}\n\nquery Providers {\n  providers {\n    slug\n    name\n    family\n    status\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;