import { createContext, useContext } from 'react';
import type { SessionInfo } from '../../api/session.js';

/** The signed-in session, provided by the layout once /api/session has answered. */
export const SessionContext = createContext<SessionInfo | null>(null);

export function useSession(): SessionInfo {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession is used outside the signed-in layout');
  return session;
}
