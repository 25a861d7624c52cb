import { desk } from '../desk/client.js';
import { createSessionStore } from './session-store.js';

/** The one session store of the window, bound to the real desk client. */
export const useSessionStore = createSessionStore(desk);
