// Who is blamed when a sandboxed frame dies, with a frame the test drives: the runs in it are run
// again alone, the one that kills its frame alone is reported crashed, and every other run finishes.
import assert from 'node:assert/strict';
import { type TestContext, test } from 'node:test';
import { type Frame, type FrameEvents, type Job, Sandbox } from './sandbox.ts';

class FakeFrame implements Frame {
  readonly starts: number[] = [];
  readonly stops: number[] = [];
  readonly releases: [number, boolean][] = [];
  disposed = false;
  watching = false;
  readonly events: FrameEvents;
  constructor(events: FrameEvents) {
    this.events = events;
  }
  start(id: number): void {
    this.starts.push(id);
  }
  release(id: number, keep: boolean): void {
    this.releases.push([id, keep]);
  }
  stop(id: number): void {
    this.stops.push(id);
  }
  watch(on: boolean): void {
    this.watching = on;
  }
  dispose(): void {
    this.disposed = true;
  }
}

// mocked timers for this test alone (t.mock is undone when it ends)
function setUp(t: TestContext) {
  t.mock.timers.enable({ apis: ['setTimeout'] });
  const frames: FakeFrame[] = [];
  const sandbox = new Sandbox((events) => {
    const frame = new FakeFrame(events);
    frames.push(frame);
    return frame;
  });
  const log: string[] = [];
  const job = (name: string, timeoutMs = 10_000, keep = false): Job => ({
    script: 'sealed',
    message: name,
    keep,
    timeoutMs,
    started: (again) => log.push(`${name} started${again ? ' again' : ''}`),
    received: (data) => data === 'done',
    ended: (end) => log.push(`${name} ${end.kind}${end.kind === 'error' ? `: ${end.message}` : ''}`),
  });
  // the frame says it started every run sent to it
  const confirm = (frame: FakeFrame) => frame.starts.forEach((id) => frame.events.started(id));
  return { frames, sandbox, log, job, confirm };
}

test('runs that die together are each run again alone: the one that kills its frame alone is reported crashed, and the rest, and runs sent meanwhile, then run as usual', (t) => {
  const { frames, sandbox, log, job, confirm } = setUp(t);
  sandbox.run(job('bomb'));
  sandbox.run(job('honest'));
  sandbox.run(job('other'));
  assert.deepEqual(frames[0].starts, [1, 2, 3]);
  confirm(frames[0]);
  frames[0].events.died();
  assert.ok(frames[0].disposed);
  sandbox.run(job('later'));
  // the first suspect alone in a new frame, nothing else with it
  assert.deepEqual(frames[1].starts, [1]);
  confirm(frames[1]);
  frames[1].events.died();
  // the death explained, the other suspects and what waited run together
  assert.deepEqual(frames[2].starts, [2, 3, 4]);
  confirm(frames[2]);
  for (const id of [2, 3, 4]) frames[2].events.message(id, 'done');
  assert.deepEqual(frames[2].releases, [
    [2, false],
    [3, false],
    [4, false],
  ]);
  assert.deepEqual(log, ['bomb started', 'honest started', 'other started', 'bomb started again', 'bomb crashed', 'honest started again', 'other started again', 'later started']);
  assert.equal(frames[2].watching, false, 'nothing in flight: the frame is not watched');
});

test('a suspect that finishes alone is cleared, and the next runs alone; the last one left is blamed only if it dies alone', (t) => {
  const { frames, sandbox, log, job, confirm } = setUp(t);
  sandbox.run(job('honest'));
  sandbox.run(job('bomb'));
  confirm(frames[0]);
  frames[0].events.died();
  sandbox.run(job('later'));
  assert.deepEqual(frames[1].starts, [1]);
  frames[1].events.started(1);
  frames[1].events.message(1, 'done');
  assert.deepEqual(frames[1].starts, [1, 2], 'the second suspect, alone too');
  frames[1].events.started(2);
  frames[1].events.died();
  assert.deepEqual(frames[2].starts, [3]);
  assert.deepEqual(log, ['honest started', 'bomb started', 'honest started again', 'bomb started again', 'bomb crashed']);
});

test('the only run in a frame that dies crashed it; a run the dead frame never started starts again elsewhere, blamed for nothing', (t) => {
  const { frames, sandbox, log, job } = setUp(t);
  sandbox.run(job('bomb'));
  frames[0].events.started(1);
  sandbox.run(job('unlucky')); // sent, never confirmed: the frame was dying
  frames[0].events.died();
  assert.deepEqual(log, ['bomb started', 'bomb crashed']);
  assert.deepEqual(frames[1].starts, [2]);
  frames[1].events.started(2);
  frames[1].events.message(2, 'done');
  assert.deepEqual(log, ['bomb started', 'bomb crashed', 'unlucky started']);
});

test('a frame that never starts a run gives up on it after three tries, with a message', (t) => {
  const { frames, sandbox, log, job } = setUp(t);
  sandbox.run(job('stuck'));
  for (let i = 0; i < 3; i++) frames[i].events.died();
  assert.equal(frames.length, 3);
  assert.deepEqual(log, ['stuck error: the sandbox to run it in did not start']);
});

test('a time limit ends a run once the frame says it stopped it; a frame that dies instead makes it a suspect, not a timeout', (t) => {
  const { frames, sandbox, log, job, confirm } = setUp(t);
  sandbox.run(job('loop', 1000));
  sandbox.run(job('honest', 5000));
  confirm(frames[0]);
  t.mock.timers.tick(999);
  assert.deepEqual(frames[0].stops, []);
  t.mock.timers.tick(1);
  assert.deepEqual(frames[0].stops, [1]);
  frames[0].events.message(1, 'done'); // too late: the run is being stopped
  frames[0].events.stopped(1);
  assert.deepEqual(log, ['loop started', 'honest started', 'loop timeout']);
  // the honest run's time limit counts from its start
  t.mock.timers.tick(3999);
  frames[0].events.message(2, 'done');
  assert.deepEqual(log, ['loop started', 'honest started', 'loop timeout']);

  sandbox.run(job('loop2', 1000));
  sandbox.run(job('other', 5000));
  confirm(frames[0]);
  t.mock.timers.tick(1000);
  frames[0].events.died(); // before it answered the stop
  assert.deepEqual(log.slice(3), ['loop2 started', 'other started']);
  frames[1].events.started(3);
  assert.deepEqual(log.slice(5), ['loop2 started again']);
});

test('Stop ends a run at once and silently, a waiting one too; a kept Worker is released to be kept', (t) => {
  const { frames, sandbox, log, job, confirm } = setUp(t);
  const cell = sandbox.run(job('cell', 10_000, true));
  confirm(frames[0]);
  cell.stop();
  assert.deepEqual(frames[0].releases, [[1, false]], 'a stopped run keeps no Worker');
  const kept = sandbox.run(job('kept', 10_000, true));
  frames[0].events.started(2);
  frames[0].events.message(2, 'done');
  assert.deepEqual(frames[0].releases, [
    [1, false],
    [2, true],
  ]);
  kept.stop(); // after its end: nothing happens
  sandbox.run(job('a'));
  sandbox.run(job('b'));
  frames[0].starts.slice(2).forEach((id) => frames[0].events.started(id));
  frames[0].events.died();
  const waiting = sandbox.run(job('waiting'));
  waiting.stop();
  frames[1].events.started(3);
  frames[1].events.message(3, 'done');
  // the second suspect alone, in the same frame, which lives
  frames[1].events.started(4);
  frames[1].events.message(4, 'done');
  assert.equal(frames.length, 2);
  assert.deepEqual(frames[1].starts, [3, 4], 'the stopped waiting run never starts');
  assert.deepEqual(log, ['cell started', 'kept started', 'a started', 'b started', 'a started again', 'b started again']);
});
