/** The search index's worker protocol: a reply is taken whatever order Node reports it and the exit in. */
import { fork } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replyOf } from '#src/integrations/search-index.ts';

/** A stand-in for a forked process, whose events the test emits in the order it chooses. */
class FakeChild extends EventEmitter {
  connected = true;
  disconnect(): void {
    this.connected = false;
    this.emit('disconnect');
  }
}

describe('replyOf, events in every order', () => {
  it('takes a reply that Node delivers after the exit', async () => {
    const child = new FakeChild();
    const reply = replyOf<{ pages: number }>(child, 'the worker');
    child.emit('exit', 0, null);
    child.emit('message', { pages: 3 });
    child.disconnect();
    await expect(reply).resolves.toEqual({ pages: 3 });
  });

  it('fails once the process has exited and its channel is closed without a reply, in either order', async () => {
    const first = new FakeChild();
    const exitedFirst = replyOf(first, 'the worker');
    first.emit('exit', 0, null);
    first.disconnect();
    await expect(exitedFirst).rejects.toThrow('the worker stopped (exit 0) without a reply');

    const second = new FakeChild();
    const closedFirst = replyOf(second, 'the worker');
    second.disconnect();
    second.emit('exit', null, 'SIGKILL');
    await expect(closedFirst).rejects.toThrow('the worker stopped (signal SIGKILL) without a reply');
  });
});

describe('replyOf, real processes', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'rotative-reply-'));
    await writeFile(join(dir, 'replies.mjs'), 'process.send({ pages: 7 }, () => process.exit(0));\n');
    await writeFile(join(dir, 'dies.mjs'), 'process.exit(3);\n');
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('gets the reply of a process that exits as soon as it is sent, every time', async () => {
    const replies = [];
    for (let i = 0; i < 20; i += 1) replies.push(await replyOf(fork(join(dir, 'replies.mjs')), 'replies.mjs'));
    expect(replies).toEqual(Array.from({ length: 20 }, () => ({ pages: 7 })));
  });

  it('names a process that dies without replying, and its exit code', async () => {
    await expect(replyOf(fork(join(dir, 'dies.mjs')), 'dies.mjs')).rejects.toThrow(
      'dies.mjs stopped (exit 3) without a reply',
    );
  });
});
