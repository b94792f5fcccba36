import type { SpecNode } from '../model/spec-node.js';

/** The converted document, or why conversion failed. */
export type ConvertResult = { ok: true; document: SpecNode } | { ok: false; message: string };

/**
 * Converts a Swagger 2.0 document to OpenAPI 3.0 with swagger2openapi, letting it patch small spec errors
 * (the converted document is validated afterwards like any other). swagger2openapi is loaded here, on first
 * use, so that OpenAPI 3 specs do not pay for loading it.
 */
export async function convertSwagger2(swagger: SpecNode): Promise<ConvertResult> {
  const { default: swagger2openapi } = await import('swagger2openapi');
  try {
    const { openapi } = await swagger2openapi.convertObj(swagger, { patch: true, warnOnly: false });
    return { ok: true, document: openapi };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}
