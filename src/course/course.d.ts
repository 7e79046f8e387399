// The virtual module the course() integration serves the pages (src/course/build/data.ts).
declare module 'virtual:annotated-microgpt/course' {
  const course: import('./build/data.ts').CourseData;
  export default course;
}
