import { beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../core/errors.js';
import { openDatabase, type SqliteDatabase } from '../sqlite/open-database.js';
import { createSqliteOutbox } from './sqlite-outbox.js';

let db: SqliteDatabase;
let now: Date;
let counter: number;

beforeEach(() => {
  db = openDatabase(':memory:');
  now = new Date('2026-03-05T05:00:00.000Z');
  counter = 0;
});

const outbox = () => createSqliteOutbox(db, { now: () => now }, { next: () => `m${++counter}` });
const card = (text: string) => ({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text }] });

describe('the local outbox', () => {
  it('stores a sent card and lists a person’s messages newest first', async () => {
    const box = outbox();
    expect(await box.send({ recipientId: 'anne-birk', card: card('first'), summary: 'One' })).toEqual({
      messageId: 'm1',
    });
    now = new Date('2026-03-05T05:00:01.000Z');
    await box.send({ recipientId: 'peter-lund', card: card('other'), summary: 'Other' });
    await box.send({ recipientId: 'anne-birk', card: card('second'), summary: 'Two' });
    // Same millisecond: still newest first.
    await box.send({ recipientId: 'anne-birk', card: card('third'), summary: 'Three' });
    const messages = await box.list('anne-birk');
    expect(messages.map((message) => message.summary)).toEqual(['Three', 'Two', 'One']);
    expect(messages[2]).toEqual({
      id: 'm1',
      recipientId: 'anne-birk',
      card: card('first'),
      summary: 'One',
      sentAt: '2026-03-05T05:00:00.000Z',
      updatedAt: '2026-03-05T05:00:00.000Z',
    });
    expect(await box.list('nobody')).toEqual([]);
  });

  it('replaces a card after an action, keeping when it was sent', async () => {
    const box = outbox();
    const { messageId } = await box.send({ recipientId: 'anne-birk', card: card('Approve?'), summary: 'Approve' });
    now = new Date('2026-03-05T09:30:00.000Z');
    await box.update(messageId, card('Approved'));
    const [message] = await box.list('anne-birk');
    expect(message).toMatchObject({
      card: card('Approved'),
      sentAt: '2026-03-05T05:00:00.000Z',
      updatedAt: '2026-03-05T09:30:00.000Z',
    });
  });

  it('refuses to update a message that does not exist', async () => {
    await expect(outbox().update('missing', card('x'))).rejects.toSatisfy(
      (error) => error instanceof AppError && error.code === 'NOT_FOUND',
    );
  });
});
