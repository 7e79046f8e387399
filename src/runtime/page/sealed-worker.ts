// The Worker that judges one exercise run, in the page (Check) and in /grade/: sealed before any
// other code runs, it answers one message and is then thrown away by the page (src/runtime/page/sealed-runner.ts).
import { type SealedInput, type SealedResult, runSealed, seal } from '../sealed.ts';

// the verdict channel, taken before the run: the code under test has no way to reach self
const post = self.postMessage.bind(self) as (message: { runId: number; result: SealedResult }) => void;
seal();

self.onmessage = async (event: MessageEvent<{ runId: number; input: SealedInput }>) => {
  self.onmessage = null; // one run per worker
  post({ runId: event.data.runId, result: await runSealed(event.data.input) });
};
