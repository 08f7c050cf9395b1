import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from './api-error.js';

/**
 * One cache for the app. Client errors (4xx) are answers, so they are not retried; a 401 anywhere
 * means the session ended (expired, or signed out on another device): forget it, and the layout
 * sends the person to the sign-in page.
 */
export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: (error) => forgetSessionOn401(error) }),
    mutationCache: new MutationCache({ onError: (error) => forgetSessionOn401(error) }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (failures, error) =>
          !(isApiError(error) && error.status >= 400 && error.status < 500) && failures < 2,
      },
    },
  });
  function forgetSessionOn401(error: unknown): void {
    if (isApiError(error) && error.status === 401 && error.problem?.instance !== '/api/auth/sign-in') {
      client.setQueryData(['session'], null);
    }
  }
  return client;
}
