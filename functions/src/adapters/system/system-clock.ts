import { randomUUID } from 'node:crypto';
import type { Clock, Ids } from '../../app/ports.js';

export const systemClock: Clock = { now: () => new Date() };

/** Short, URL-safe, unguessable ids. */
export const randomIds: Ids = { next: () => randomUUID().replace(/-/g, '').slice(0, 20) };
