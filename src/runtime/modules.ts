// What a cell may import, as the runtime hands it over on either side (the page's Web Worker, the
// build's worker threads): both engines and the display module. The type checker's map of the
// same names to their files is src/cells/build/typecheck.ts's.
import * as engine from '../../engine/src/index.ts';
import * as fastEngine from '../../engine/fast/index.ts';
import * as display from './display.ts';

export const cellModules = { '@microgpt/engine': engine, '@microgpt/engine/fast': fastEngine, '@microgpt/display': display };
