import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

type Schema = Record<string, unknown>;
export interface DocumentOperation {
  parameters?: { name: string; in: string }[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
  responses?: Record<string, { content?: Record<string, { schema?: Schema }> }>;
}
export interface OpenApiDocument {
  paths: Record<string, Record<string, DocumentOperation>>;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/** Checks answers against what /api/docs-json declares: the status must be declared and the body valid for it. */
export class OpenApiConformance {
  private readonly ajv = new Ajv({ strict: false, allErrors: true });
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(private readonly doc: OpenApiDocument) {
    addFormats(this.ajv);
  }

  operations(): { path: string; method: string; operation: DocumentOperation }[] {
    return Object.entries(this.doc.paths).flatMap(([path, item]) =>
      METHODS.flatMap((method) => (item[method] ? [{ path, method, operation: item[method] }] : [])),
    );
  }

  /** The command types a body schema names (`type` enums of a process route's oneOf), none elsewhere. */
  commandTypes(operation: DocumentOperation): string[] {
    const s = operation.requestBody?.content?.['application/json']?.schema as
      { oneOf?: unknown[]; properties?: { type?: { enum?: string[] } } } | undefined;
    return (s?.oneOf ?? [s]).flatMap(
      (o) => (o as { properties?: { type?: { enum?: string[] } } } | undefined)?.properties?.type?.enum ?? [],
    );
  }

  queryNames(operation: DocumentOperation): string[] {
    return (operation.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
  }

  /** Why an answer does not conform (a 5xx, an undeclared status, a body its schema refuses), or null when it does. */
  problem(path: string, method: string, status: number, body: unknown): string | null {
    if (status >= 500) return `a server error ${JSON.stringify(body)?.slice(0, 300)}`;
    const declared = this.doc.paths[path]?.[method]?.responses?.[String(status)];
    if (!declared) return `status ${status} is not declared (${JSON.stringify(body)?.slice(0, 300)})`;
    const schema = declared.content?.['application/json']?.schema;
    if (!schema) return `status ${status} declares no body schema`;
    const key = `${method} ${path} ${status}`;
    let validate = this.validators.get(key);
    if (!validate) {
      validate = this.ajv.compile(schema);
      this.validators.set(key, validate);
    }
    if (!validate(body)) return `breaks its schema: ${this.ajv.errorsText(validate.errors)} (${JSON.stringify(body)?.slice(0, 300)})`;
    if (status >= 400 && (body as { correlationId?: unknown }).correlationId === 'unknown') return 'no real correlation id';
    return null;
  }
}
