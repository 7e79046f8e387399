// A worker thread's memory, looked at from the parent every 20 ms: typed arrays and ArrayBuffers live
// outside V8's heap, which resourceLimits cap, and nothing caps them; and a thread that meets V8's
// own limit can take the process down (run-sealed.ts). The parent's look answers even while the
// thread spins in a synchronous loop, and counts those buffers (external_memory).
import type { Worker } from 'node:worker_threads';

const LOOK_EVERY_MS = 20;

// calls over() once the thread uses more than capMb (heap and buffers together); returns a stop function
export function watchMemory(worker: Worker, capMb: number, over: () => void): () => void {
  const cap = capMb * 1024 * 1024;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let watching = true;
  const look = async () => {
    try {
      const heap = await worker.getHeapStatistics();
      if (!watching) return;
      if (heap.used_heap_size + heap.external_memory > cap) {
        watching = false;
        over();
        return;
      }
    } catch {
      return; // the thread has ended
    }
    timer = setTimeout(look, LOOK_EVERY_MS);
  };
  worker.once('online', () => void look());
  return () => {
    watching = false;
    clearTimeout(timer);
  };
}
