import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SessionInfo, SignInOptions, SignInRequest } from '../../api/session.js';
import { getJson, sendJson } from '../http/api-client.js';
import { isApiError } from '../http/api-error.js';

export const sessionKey = ['session'] as const;

/** Who is signed in, or null when nobody is (401 is an answer here, not a failure). */
export function useSessionQuery() {
  return useQuery({
    queryKey: sessionKey,
    queryFn: async (): Promise<SessionInfo | null> => {
      try {
        return await getJson<SessionInfo>('/api/session');
      } catch (error) {
        if (isApiError(error) && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: 60_000,
    retry: false,
  });
}

export function useAuthOptions() {
  return useQuery({
    queryKey: ['auth-options'],
    queryFn: () => getJson<SignInOptions>('/api/auth/options'),
    staleTime: 5 * 60_000,
  });
}

export function useSignIn() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: SignInRequest) =>
      sendJson<SessionInfo>('/api/auth/sign-in', { body, csrfToken: null }),
    onSuccess: (session) => {
      // A new person: nothing cached for the previous one may show.
      client.clear();
      client.setQueryData(sessionKey, session);
    },
  });
}

export function useSignOut(csrfToken: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (everywhere: boolean) =>
      sendJson<{ sessionsEnded: number }>('/api/auth/sign-out', { body: { everywhere }, csrfToken }),
    onSettled: () => {
      client.clear();
      client.setQueryData(sessionKey, null);
    },
  });
}
