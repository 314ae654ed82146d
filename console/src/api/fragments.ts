import { graphql } from '../gql';

/** What every health display shows: uptime windows, latency and throughput percentiles, the breaker. */
export const EndpointHealthFields = graphql(`
  fragment EndpointHealthFields on EndpointHealth {
    status
    circuit
    significantOutage
    uptime30s
    uptime5m
    uptime30m
    latencySeconds {
      p50
      p90
    }
    throughput {
      p50
    }
  }
`);

export const UserErrorFields = graphql(`
  fragment UserErrorFields on UserError {
    __typename
    code
    message
  }
`);
