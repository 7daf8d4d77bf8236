/** Any function; the parameters are `never` so that every function type is assignable. */
type AnyFunction = (...args: never[]) => unknown;

/**
 * A stand-in for the function `name` of a module that is loaded on the first call: the CLI names
 * its commands up front, but `ziping schemes` never loads what `ziping draft` needs (docx,
 * exceljs, openai). Same parameters as the real function; the result comes as a promise.
 */
export function lazyExport<M extends Record<K, AnyFunction>, K extends keyof M>(
  load: () => Promise<M>,
  name: K,
): (...args: Parameters<M[K]>) => Promise<Awaited<ReturnType<M[K]>>> {
  return async (...args: Parameters<M[K]>): Promise<Awaited<ReturnType<M[K]>>> => {
    const fn = (await load())[name] as (...a: Parameters<M[K]>) => Promise<Awaited<ReturnType<M[K]>>>;
    return await fn(...args);
  };
}
