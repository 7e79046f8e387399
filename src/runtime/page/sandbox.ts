// Runs in a frame that can die and be replaced: when each run starts, its time limit, and who is
// to blame when the frame dies. A frame can die of one run (a heap bomb crashes its process), and
// every run in it then dies too, so:
// - a run the frame never confirmed starting (it was dead already) simply starts again;
// - the only run in a frame that dies crashed it, and is reported so;
// - runs that were in a frame together when it died are each run again, one at a time, alone (new
//   runs wait meanwhile); the one that kills its frame alone is reported, and the rest of them, the
//   death explained, run as usual again.
// The frame itself (sandbox-host.ts) is behind the Frame interface, so this is tested without one.

export type WorkerScript = 'cell' | 'sealed';

export type JobEnd = { kind: 'timeout' } | { kind: 'error'; message: string } | { kind: 'crashed' };

export interface Job {
  script: WorkerScript;
  message: unknown; // posted to the run's Worker
  keep?: boolean; // its Worker is kept for the script's next run (cells), not ended after it
  timeoutMs: number; // counted from the Worker's start
  started?(again: boolean): void; // again: a run after its frame died; what it sent before is void
  received(data: unknown): boolean; // a message from the Worker; true when it ends the run
  ended(end: JobEnd): void; // the run ended without its last message
}

export interface JobHandle {
  stop(): void; // ends the run at once, silently
}

export interface FrameEvents {
  started(id: number): void;
  message(id: number, data: unknown): void;
  error(id: number, message: string): void;
  stopped(id: number): void;
  died(): void;
}

export interface Frame {
  start(id: number, script: WorkerScript, keep: boolean, message: unknown): void;
  release(id: number, keep: boolean): void;
  stop(id: number): void; // answered by events.stopped, if the frame lives
  watch(on: boolean): void; // look out for its death while runs are in it
  dispose(): void;
}

const MAX_LOST = 3;

interface Entry {
  id: number;
  job: Job;
  confirmed: boolean; // the frame said it started the run
  starts: number;
  lost: number; // frames that died before confirming it
  death?: number; // the death it is a suspect of
  timer?: ReturnType<typeof setTimeout>;
  timingOut?: boolean;
}

export class Sandbox {
  private frame: Frame | null = null;
  private readonly live = new Map<number, Entry>(); // sent to the current frame
  private readonly waiting: Entry[] = [];
  private readonly suspects: Entry[] = [];
  private alone: Entry | null = null;
  private nextId = 0;
  private deaths = 0;
  private readonly newFrame: (events: FrameEvents) => Frame;

  constructor(newFrame: (events: FrameEvents) => Frame) {
    this.newFrame = newFrame;
  }

  run(job: Job): JobHandle {
    const entry: Entry = { id: ++this.nextId, job, confirmed: false, starts: 0, lost: 0 };
    if (this.alone || this.suspects.length > 0) this.waiting.push(entry);
    else this.launch(entry);
    return { stop: () => this.stop(entry) };
  }

  private launch(entry: Entry): void {
    entry.confirmed = false;
    entry.timingOut = false;
    this.live.set(entry.id, entry);
    this.current().start(entry.id, entry.job.script, entry.job.keep ?? false, entry.job.message);
    this.frame!.watch(true);
  }

  private current(): Frame {
    this.frame ??= this.newFrame({
      started: (id) => this.started(id),
      message: (id, data) => this.message(id, data),
      error: (id, message) => this.end(id, { kind: 'error', message }),
      stopped: (id) => {
        if (this.live.get(id)?.timingOut) this.end(id, { kind: 'timeout' });
      },
      died: () => this.died(),
    });
    return this.frame;
  }

  private started(id: number): void {
    const entry = this.live.get(id);
    if (!entry) return;
    entry.confirmed = true;
    entry.timer = setTimeout(() => {
      // ended as a timeout once the frame confirms it stopped the run: a frame dead meanwhile is a crash
      entry.timingOut = true;
      this.frame?.stop(id);
    }, entry.job.timeoutMs);
    entry.job.started?.(entry.starts++ > 0);
  }

  private message(id: number, data: unknown): void {
    const entry = this.live.get(id);
    if (!entry || entry.timingOut || !entry.job.received(data)) return;
    this.forget(entry);
    this.frame?.release(id, entry.job.keep ?? false);
    this.next();
  }

  private end(id: number, end: JobEnd): void {
    const entry = this.live.get(id);
    if (!entry) return;
    this.forget(entry);
    if (end.kind === 'error') this.frame?.release(id, false);
    entry.job.ended(end);
    this.next();
  }

  private stop(entry: Entry): void {
    for (const list of [this.waiting, this.suspects]) {
      const at = list.indexOf(entry);
      if (at >= 0) list.splice(at, 1);
    }
    if (this.live.has(entry.id)) {
      this.forget(entry);
      this.frame?.release(entry.id, false);
    }
    if (this.alone === entry) this.alone = null;
    this.next();
  }

  private forget(entry: Entry): void {
    clearTimeout(entry.timer);
    this.live.delete(entry.id);
    if (this.alone === entry) this.alone = null;
    if (this.live.size === 0) this.frame?.watch(false);
  }

  private died(): void {
    const inFlight = [...this.live.values()];
    for (const entry of inFlight) clearTimeout(entry.timer);
    this.live.clear();
    this.frame?.dispose();
    this.frame = null;
    this.alone = null;
    const ran = inFlight.filter((e) => e.confirmed);
    // never started: the frame was dead already; they go first, as they would have, unless no frame ever starts
    const unstarted = inFlight.filter((e) => !e.confirmed && ++e.lost < MAX_LOST);
    for (const e of inFlight) if (!e.confirmed && e.lost >= MAX_LOST) e.job.ended({ kind: 'error', message: 'the sandbox to run it in did not start' });
    this.waiting.unshift(...unstarted);
    if (ran.length === 1) this.blame(ran[0]);
    else {
      const death = ++this.deaths;
      for (const e of ran) e.death = death;
      this.suspects.push(...ran);
    }
    this.next();
  }

  private blame(culprit: Entry): void {
    culprit.job.ended({ kind: 'crashed' });
    if (culprit.death === undefined) return;
    const cleared = this.suspects.filter((e) => e.death === culprit.death);
    this.suspects.splice(0, this.suspects.length, ...this.suspects.filter((e) => !cleared.includes(e)));
    this.waiting.unshift(...cleared);
  }

  // what runs next: a suspect alone, or, when none is left, everything that waited
  private next(): void {
    if (this.alone) return;
    if (this.suspects.length > 0) {
      if (this.live.size > 0) return; // runs still in the frame finish first
      this.alone = this.suspects.shift()!;
      this.launch(this.alone);
      return;
    }
    for (const entry of this.waiting.splice(0)) this.launch(entry);
  }
}
