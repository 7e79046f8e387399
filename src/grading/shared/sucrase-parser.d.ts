// sucrase's parser, for its tokens: the package keeps the types apart, under dist/types/
declare module 'sucrase/dist/parser/index.js' {
  export { parse } from 'sucrase/dist/types/parser/index';
}
