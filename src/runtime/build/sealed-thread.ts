// A Node worker thread that judges one exercise run, for the build's check and the command-line
// and Gradescope graders: sealed before any other code runs, one message, then terminated.
import { parentPort } from 'node:worker_threads';
import { type SealedInput, runSealed, seal } from '../sealed.ts';

const port = parentPort!;
// a promise the code under test rejects and drops is its own affair, not this thread's
process.on('unhandledRejection', () => {});
const post = port.postMessage.bind(port);
seal();

port.once('message', async (input: SealedInput) => {
  post(await runSealed(input));
});
