import { describe, expect, it } from 'vitest';
import { WritePipeline } from '../../../src/store/gremlin/writePipeline.ts';

const tick = (ms = 2) => new Promise((resolve) => setTimeout(resolve, ms));

describe('write pipeline', () => {
  it('runs facts only after every vertex request accepted before them, with at most `concurrency` running', async () => {
    const pipeline = new WritePipeline(2);
    const log: string[] = [];
    let running = 0;
    let most = 0;
    const task = (name: string, ms: number) => async () => {
      most = Math.max(most, ++running);
      log.push(`start ${name}`);
      await tick(ms);
      log.push(`end ${name}`);
      running--;
    };
    pipeline.enqueue([task('v1', 20), task('v2', 5)], [task('f1', 1)]);
    pipeline.enqueue([task('v3', 5)], [task('f3', 1)]);
    await pipeline.drain();
    expect(most).toBe(2);
    expect(log.indexOf('start f1')).toBeGreaterThan(log.indexOf('end v1'));
    expect(log.indexOf('start f3')).toBeGreaterThan(Math.max(log.indexOf('end v1'), log.indexOf('end v3')));
    // A later batch's vertices do not wait for an earlier batch's facts.
    expect(log.indexOf('start v3')).toBeLessThan(log.indexOf('end v1'));
  });

  it('holds the caller back while too many requests wait', async () => {
    const pipeline = new WritePipeline(1, 2);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    pipeline.enqueue([() => gate, async () => undefined, async () => undefined, async () => undefined], []);
    let ready = false;
    const waiting = pipeline.ready().then(() => (ready = true));
    await tick();
    expect(ready).toBe(false);
    release();
    await waiting;
    expect(ready).toBe(true);
    await pipeline.drain();
  });

  it('stops at the first failure: later requests do not run, drain() throws it, settle() waits quietly', async () => {
    const pipeline = new WritePipeline(1);
    const ran: string[] = [];
    const boom = new Error('boom');
    pipeline.enqueue([async () => { ran.push('v1'); throw boom; }, async () => { ran.push('v2'); }], [async () => { ran.push('f1'); }]);
    pipeline.enqueue([async () => { ran.push('v3'); }], []);
    await pipeline.settle();
    expect(ran).toEqual(['v1']);
    expect(pipeline.failure).toBe(boom);
    await expect(pipeline.drain()).rejects.toBe(boom);
  });
});
