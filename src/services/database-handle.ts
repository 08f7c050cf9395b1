/** The database handle type, for the layers above services that pass it along without opening it. */
export type { DatabaseHandle, Engine } from '../store/session.js';
