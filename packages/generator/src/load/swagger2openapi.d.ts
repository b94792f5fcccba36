/** The part of swagger2openapi's (untyped) API the loader uses. */
declare module 'swagger2openapi' {
  interface ConvertOptions {
    /** Fix small spec errors instead of failing. */
    patch?: boolean;
    /** Record problems as `x-s2o-warning` instead of failing. */
    warnOnly?: boolean;
  }
  interface ConvertResult {
    openapi: Record<string, unknown>;
  }
  const swagger2openapi: { convertObj(swagger: unknown, options: ConvertOptions): Promise<ConvertResult> };
  export default swagger2openapi;
}
