/**
 * A small JSON Schema (2020-12) checker for the API's contract tests: the keywords our OpenAPI
 * document uses, and nothing else. An unknown keyword throws, so a schema can never pass a value
 * by containing something this checker silently skips.
 */
type Schema = Record<string, unknown> | boolean;

const ANNOTATIONS = new Set(['description', 'title', 'default', 'examples', 'deprecated', 'readOnly', 'writeOnly', '$schema', '$id', 'id']);
const FORMATS: Record<string, RegExp> = {
  'date-time': /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/,
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
};

export function validateAgainst(root: Record<string, unknown>, schema: Schema, value: unknown): string[] {
  const errors: string[] = [];
  check(root, schema, value, '', errors);
  return errors;
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function resolve(root: Record<string, unknown>, ref: string): Schema {
  if (!ref.startsWith('#/')) throw new Error(`only local $ref supported: ${ref}`);
  let node: unknown = root;
  for (const part of ref.slice(2).split('/')) node = (node as Record<string, unknown>)[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  if (node === undefined) throw new Error(`dangling $ref ${ref}`);
  return node as Schema;
}

function check(root: Record<string, unknown>, schema: Schema, value: unknown, at: string, errors: string[]): void {
  if (schema === true) return;
  if (schema === false) return void errors.push(`${at || '/'}: no value allowed`);
  const fail = (msg: string) => errors.push(`${at || '/'}: ${msg}`);
  for (const [keyword, arg] of Object.entries(schema)) {
    if (ANNOTATIONS.has(keyword) || keyword.startsWith('x-')) continue;
    switch (keyword) {
      case '$ref':
        check(root, resolve(root, arg as string), value, at, errors);
        break;
      case 'type': {
        const types = [arg].flat() as string[];
        const actual = typeOf(value);
        if (!types.includes(actual) && !(actual === 'integer' && types.includes('number'))) fail(`expected ${types.join('|')}, got ${actual}`);
        break;
      }
      case 'enum':
        if (!(arg as unknown[]).some((v) => JSON.stringify(v) === JSON.stringify(value))) fail(`${JSON.stringify(value)} not in enum`);
        break;
      case 'const':
        if (JSON.stringify(arg) !== JSON.stringify(value)) fail(`expected ${JSON.stringify(arg)}`);
        break;
      case 'properties':
        if (typeOf(value) === 'object') {
          for (const [name, sub] of Object.entries(arg as Record<string, Schema>)) {
            if (Object.hasOwn(value as object, name)) check(root, sub, (value as Record<string, unknown>)[name], `${at}/${name}`, errors);
          }
        }
        break;
      case 'required':
        if (typeOf(value) === 'object') for (const name of arg as string[]) if (!Object.hasOwn(value as object, name)) fail(`missing ${name}`);
        break;
      case 'additionalProperties':
        if (typeOf(value) === 'object') {
          const known = Object.keys((schema.properties as object | undefined) ?? {});
          for (const [name, v] of Object.entries(value as Record<string, unknown>)) {
            if (!known.includes(name)) check(root, arg as Schema, v, `${at}/${name}`, errors);
          }
        }
        break;
      case 'propertyNames':
        if (typeOf(value) === 'object') for (const name of Object.keys(value as object)) check(root, arg as Schema, name, `${at}/${name}`, errors);
        break;
      case 'items':
        if (Array.isArray(value)) value.forEach((v, i) => check(root, arg as Schema, v, `${at}/${i}`, errors));
        break;
      case 'minItems':
        if (Array.isArray(value) && value.length < (arg as number)) fail(`fewer than ${arg} items`);
        break;
      case 'maxItems':
        if (Array.isArray(value) && value.length > (arg as number)) fail(`more than ${arg} items`);
        break;
      case 'minimum':
        if (typeof value === 'number' && value < (arg as number)) fail(`below ${arg}`);
        break;
      case 'maximum':
        if (typeof value === 'number' && value > (arg as number)) fail(`above ${arg}`);
        break;
      case 'minLength':
        if (typeof value === 'string' && [...value].length < (arg as number)) fail(`shorter than ${arg}`);
        break;
      case 'maxLength':
        if (typeof value === 'string' && [...value].length > (arg as number)) fail(`longer than ${arg}`);
        break;
      case 'pattern':
        if (typeof value === 'string' && !new RegExp(arg as string, 'u').test(value)) fail(`does not match ${arg}`);
        break;
      case 'format':
        if (typeof value === 'string') {
          const format = FORMATS[arg as string];
          if (!format) throw new Error(`format ${String(arg)} not supported by this checker`);
          if (!format.test(value)) fail(`not a ${arg}`);
        }
        break;
      case 'anyOf':
      case 'oneOf': {
        const passing = (arg as Schema[]).filter((sub) => validateAgainst(root, sub, value).length === 0).length;
        if (keyword === 'anyOf' ? passing === 0 : passing !== 1) fail(`${keyword}: ${passing} alternatives match`);
        break;
      }
      case 'allOf':
        for (const sub of arg as Schema[]) check(root, sub, value, at, errors);
        break;
      default:
        throw new Error(`JSON Schema keyword "${keyword}" at ${at || '/'} is not supported by this checker`);
    }
  }
}
