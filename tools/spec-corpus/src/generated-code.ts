/**
 * What the generated package actually contains, read from its TypeScript source with the compiler API
 * (not from the generator's model): each resource method with the operation its `@see METHOD /path`
 * TSDoc names, and the HTTP statuses of its `<TypeName>Error` union.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { STATUS_ERRORS } from '@revio-sdk/runtime';
import ts from 'typescript';

export interface GeneratedMethod {
  /** `GET /pets/{id}` from the method's `@see` tag. */
  operation: string;
  /** Where to call it: `client[resourceProperty][methodName]`. */
  resourceClass: string;
  methodName: string;
  /** The method's parameter names, in order (path parameters first, `options` last). */
  parameters: string[];
  file: string;
  /** The error union the method's promise rejects with, e.g. `PetsGetError`. */
  errorType: string | undefined;
  /** Statuses of the union's `ApiError` members; undefined when the union was not found. */
  errorStatuses: number[] | undefined;
  /** Union members that are neither a status error nor `CommonError` (should be none). */
  unknownMembers: string[];
  /** Whether the union ends in `CommonError` (transport, undocumented status, unreadable body). */
  hasCommonError: boolean;
}

/** Error class name -> status, from the runtime's one table. */
const STATUS_BY_CLASS = new Map<string, number>(
  Object.entries(STATUS_ERRORS).map(([status, { name }]) => [name, Number(status)]),
);

const SEE_TAG = /@see\s+(GET|PUT|POST|DELETE|OPTIONS|HEAD|PATCH|TRACE)\s+(\S+)/;

/** Every resource method of the generated package at `packageDir`. */
export function generatedMethods(packageDir: string): GeneratedMethod[] {
  const dir = path.join(packageDir, 'src', 'resources');
  const methods: GeneratedMethod[] = [];
  for (const name of readdirSync(dir)
    .filter((file) => file.endsWith('.ts'))
    .sort()) {
    const file = path.join(dir, name);
    const typesFile = path.join(packageDir, 'src', 'models', 'operations', name);
    const typesText = existsSync(typesFile) ? readFileSync(typesFile, 'utf8') : '';
    methods.push(...methodsInSource(file, readFileSync(file, 'utf8'), typesText));
  }
  return methods;
}

/**
 * The resource methods of one generated source file; their error unions are declared in it or in
 * `typesText`, the resource's operation types module.
 */
export function methodsInSource(file: string, text: string, typesText = ''): GeneratedMethod[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const types = ts.createSourceFile(`types/${file}`, typesText, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const unions = new Map<string, ts.TypeNode>();
  for (const statement of [...source.statements, ...types.statements]) {
    if (ts.isTypeAliasDeclaration(statement)) unions.set(statement.name.text, statement.type);
  }
  const methods: GeneratedMethod[] = [];
  for (const statement of source.statements) {
    if (!ts.isClassDeclaration(statement) || statement.name === undefined) continue;
    for (const member of statement.members) {
      if (!ts.isMethodDeclaration(member) || !ts.isIdentifier(member.name)) continue;
      const see = leadingDocComment(text, member)?.match(SEE_TAG);
      if (see === undefined || see === null) continue;
      const errorType = errorTypeOf(member, unions);
      const union = errorType === undefined ? undefined : unions.get(errorType);
      const members = union === undefined ? [] : ts.isUnionTypeNode(union) ? [...union.types] : [union];
      const errorStatuses: number[] = [];
      const unknownMembers: string[] = [];
      let hasCommonError = false;
      for (const node of members) {
        const status = statusOf(node);
        if (status !== undefined) errorStatuses.push(status);
        else if (ts.isTypeReferenceNode(node) && node.typeName.getText() === 'CommonError') hasCommonError = true;
        else unknownMembers.push(node.getText());
      }
      methods.push({
        operation: `${see[1]} ${see[2]}`,
        resourceClass: statement.name.text,
        methodName: member.name.text,
        parameters: member.parameters.map((parameter) => parameter.name.getText(source)),
        file,
        errorType,
        errorStatuses: union === undefined ? undefined : errorStatuses.sort((a, b) => a - b),
        unknownMembers,
        hasCommonError,
      });
    }
  }
  return methods;
}

/** `NotFoundError<Body>` -> 404, `ApiError<418, Body>` -> 418, anything else -> undefined. */
function statusOf(node: ts.TypeNode): number | undefined {
  if (!ts.isTypeReferenceNode(node) || !ts.isIdentifier(node.typeName)) return undefined;
  const name = node.typeName.text;
  if (name === 'ApiError') {
    const first = node.typeArguments?.[0];
    return first !== undefined && ts.isLiteralTypeNode(first) && ts.isNumericLiteral(first.literal)
      ? Number(first.literal.text)
      : undefined;
  }
  return STATUS_BY_CLASS.get(name);
}

/** The local `...Error` alias among the type arguments of the method's declared return type. */
function errorTypeOf(method: ts.MethodDeclaration, unions: Map<string, ts.TypeNode>): string | undefined {
  const returned = method.type;
  if (returned === undefined || !ts.isTypeReferenceNode(returned)) return undefined;
  const names = (returned.typeArguments ?? [])
    .flatMap((argument) =>
      ts.isTypeReferenceNode(argument) && ts.isIdentifier(argument.typeName) ? [argument.typeName.text] : [],
    )
    .filter((name) => name.endsWith('Error') && unions.has(name));
  return names.at(-1);
}

function leadingDocComment(text: string, node: ts.Node): string | undefined {
  const ranges = ts.getLeadingCommentRanges(text, node.getFullStart()) ?? [];
  const docs = ranges.filter((range) => text.startsWith('/**', range.pos));
  const last = docs.at(-1);
  return last === undefined ? undefined : text.slice(last.pos, last.end);
}

/** Resource class -> client property (`readonly pets = new PetsResource(this)` in `src/client.ts`). */
export function clientProperties(packageDir: string): {
  clientClass: string;
  properties: Map<string, string>;
  optionNames: string[];
} {
  const file = path.join(packageDir, 'src', 'client.ts');
  const text = readFileSync(file, 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const properties = new Map<string, string>();
  let clientClass = '';
  const optionNames: string[] = [];
  for (const statement of source.statements) {
    if (!ts.isClassDeclaration(statement) || statement.name === undefined) continue;
    clientClass = statement.name.text;
    for (const member of statement.members) {
      if (
        ts.isPropertyDeclaration(member) &&
        ts.isIdentifier(member.name) &&
        member.initializer !== undefined &&
        ts.isNewExpression(member.initializer)
      ) {
        properties.set(member.initializer.expression.getText(source), member.name.text);
      }
    }
  }
  // The options the client reads (besides baseUrl): `resolveOptions(options, { apiKey: {...}, ... }, ...)`, in the
  // constructor of the core class (`src/core.ts`, which the client extends) or, in older output, of the client.
  const coreFile = path.join(packageDir, 'src', 'core.ts');
  const optionsSource = existsSync(coreFile)
    ? ts.createSourceFile(coreFile, readFileSync(coreFile, 'utf8'), ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS)
    : source;
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && node.expression.getText(optionsSource) === 'resolveOptions') {
      const specs = node.arguments[1];
      if (specs !== undefined && ts.isObjectLiteralExpression(specs)) {
        for (const property of specs.properties)
          if (property.name !== undefined)
            optionNames.push(property.name.getText(optionsSource).replace(/^['"]|['"]$/g, ''));
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(optionsSource);
  return { clientClass, properties, optionNames };
}
