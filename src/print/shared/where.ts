// The printed book's page: components that draw in the browser add a static drawing there.
export const PRINT_PATH = '/print/';
export const onPrintPage = (url: URL): boolean => url.pathname.endsWith(PRINT_PATH);
