// What the wrapped train() and sample() noted in this process; written to $MICROGPT_RECORD at exit.
import { writeFileSync } from 'node:fs';

export interface Notes {
  trainCalls: number;
  losses: number[]; // every step's loss, full precision
  finalParams: number[]; // every weight when train() finished
  samples: string[];
}

export const notes: Notes = { trainCalls: 0, losses: [], finalParams: [], samples: [] };

const file = process.env.MICROGPT_RECORD;
if (!file) throw new Error('test/record: set MICROGPT_RECORD to the file the notes go to');
process.on('exit', () => writeFileSync(file, JSON.stringify(notes)));
