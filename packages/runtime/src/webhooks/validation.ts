/** The validators generated webhook packages supply (Ajv standalone functions), and their errors. */

/** One problem as Ajv reports it. */
export interface ValidatorProblem {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

/** A compiled validator: true when `data` is valid; otherwise the problems are in `errors`. */
export interface WebhookValidator {
  (data: unknown): boolean;
  errors?: readonly ValidatorProblem[] | null;
}

/** `/items/0/name` -> `items[0].name`. */
function fieldPath(instancePath: string, missing: unknown): string {
  const segments = instancePath.split('/').slice(1);
  if (typeof missing === 'string') segments.push(missing);
  return segments
    .map((segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~'))
    .reduce(
      (path, segment) => (/^\d+$/.test(segment) ? `${path}[${segment}]` : path === '' ? segment : `${path}.${segment}`),
      '',
    );
}

/** An incoming body that is not what the API documents; `field` names where (empty for the whole body). */
export class WebhookValidationError extends Error {
  override readonly name = 'WebhookValidationError';

  constructor(
    readonly field: string,
    readonly problem: string,
  ) {
    super(field === '' ? `webhook body ${problem}` : `webhook body field "${field}" ${problem}`);
  }

  /** The first problem `validate` finds in `data`, or undefined when it is valid. */
  static of(validate: WebhookValidator, data: unknown): WebhookValidationError | undefined {
    if (validate(data)) return undefined;
    const first = validate.errors?.[0];
    if (first === undefined) return new WebhookValidationError('', 'is not valid');
    if (first.keyword === 'required')
      return new WebhookValidationError(fieldPath(first.instancePath, first.params['missingProperty']), 'is required');
    const allowed = first.params['allowedValue'];
    const problem = allowed === undefined ? (first.message ?? 'is not valid') : `must be ${JSON.stringify(allowed)}`;
    return new WebhookValidationError(fieldPath(first.instancePath, undefined), problem);
  }
}
