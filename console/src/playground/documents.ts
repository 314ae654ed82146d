import { graphql } from '../gql';

export const PlaygroundEvent = graphql(`
  fragment PlaygroundEvent on CompletionEvent {
    __typename
    ... on CompletionEventBase {
      cursor
    }
    ... on AttemptStarted {
      ordinal
      provider
      model
      byok
    }
    ... on AttemptFailed {
      ordinal
      provider
      status
      code
      message
    }
    ... on TextDelta {
      text
    }
    ... on ReasoningDelta {
      text
    }
    ... on UsageReported {
      promptTokens
      completionTokens
      reasoningTokens
      cachedTokens
      cost
      byokUsage
    }
    ... on CompletionFinished {
      generationId
      provider
      model
      finishReason
      text
    }
    ... on CompletionFailed {
      failedGenerationId: generationId
      code
      message
    }
  }
`);

export const PlaygroundComplete = graphql(`
  subscription PlaygroundComplete($input: CompletionInput!) {
    complete(input: $input) {
      ...PlaygroundEvent
    }
  }
`);

export const PlaygroundFollow = graphql(`
  subscription PlaygroundFollow($generationId: String!, $after: String) {
    completionStream(generationId: $generationId, after: $after) {
      ...PlaygroundEvent
    }
  }
`);

export const PlaygroundRouting = graphql(`
  subscription PlaygroundRouting {
    routingDecisions {
      __typename
      ... on RoutingPlanned {
        plannedGenerationId: generationId
        at
        mode
        models
        stickyHit
        candidates {
          provider
          model
          reason
          weight
        }
        excluded {
          provider
          model
          reason
        }
      }
      ... on RoutingAttempt {
        generationId
        at
        ordinal
        provider
        model
        status
        errorCode
        httpStatus
        durationMs
      }
      ... on RoutingFinished {
        finishedGenerationId: generationId
        at
        status
        reason
        cost
      }
    }
  }
`);

export const PlaygroundSettled = graphql(`
  query PlaygroundSettled($id: String!) {
    generation(id: $id) {
      id
      ttftMs
      cost
      promptTokens
      completionTokens
      attempts {
        provider
        model
        byok
        status
        errorCode
        httpStatus
        durationMs
      }
    }
  }
`);

export const PlaygroundCancel = graphql(`
  mutation PlaygroundCancel($generationId: String!) {
    cancelGeneration(generationId: $generationId) {
      __typename
      ... on CancelledGeneration {
        cancelled
      }
      ... on UserError {
        code
        message
      }
    }
  }
`);

export const PlaygroundOptions = graphql(`
  query PlaygroundOptions {
    models(first: 100, sort: NAME) {
      edges {
        node {
          slug
          name
          endpoints {
            provider {
              slug
            }
          }
        }
      }
    }
    providers {
      slug
      name
    }
  }
`);
