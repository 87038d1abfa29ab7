import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

type Responses = Record<string, { content?: Record<string, { schema?: unknown }> }>;
type Document = { paths: Record<string, Record<string, { responses: Responses }>> };

interface Route {
  template: string;
  pattern: RegExp;
  literalSegments: number;
}

/**
 * Checks answers against the API's own OpenAPI document (the one served at /docs/openapi.json):
 * the status must be one the operation declares, and the body must match the schema declared for
 * that status and content type. The e2e HTTP client runs every answer through it.
 */
export class OpenApiConformance {
  private readonly ajv = new Ajv2020({ strict: false, allErrors: true });
  private readonly routes: Route[];
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(private readonly document: Document) {
    addFormats(this.ajv);
    this.ajv.addSchema(document as object, 'openapi.json');
    this.routes = Object.keys(document.paths)
      .map((template) => ({
        template,
        pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`),
        literalSegments: template.split('/').filter((s) => s !== '' && !s.startsWith('{')).length,
      }))
      .sort((a, b) => b.literalSegments - a.literalSegments);
  }

  /** The problems with this answer (empty when it conforms); undefined for a path the API does not serve. */
  check(
    method: string,
    url: string,
    status: number,
    contentType: string | null,
    text: string,
  ): string[] | undefined {
    const path = new URL(url).pathname;
    if (!path.startsWith('/v1/') && !/^\/health(\/(live|ready))?$/.test(path)) return undefined;
    const route = this.routes.find((r) => r.pattern.test(path));
    const operation = route && this.document.paths[route.template][method.toLowerCase()];
    if (!route || !operation) {
      // Unknown routes answer Nest's 404 problem; nothing else may come from an undocumented route.
      return status === 404 ? [] : [`${method} ${path} is not in the document (answered ${status})`];
    }
    const where = `${method} ${route.template} → ${status}`;
    const response = operation.responses[String(status)];
    if (!response)
      return [`${where}: status not declared (declared: ${Object.keys(operation.responses).join(', ')})`];
    if (text.length === 0) return response.content ? [`${where}: empty body, a body is declared`] : [];
    if (!response.content) return [`${where}: a body (${contentType}) where none is declared`];
    const mediaType = (contentType ?? '').split(';')[0].trim().toLowerCase();
    const media = response.content[mediaType];
    if (!media)
      return [
        `${where}: content type ${mediaType} not declared (${Object.keys(response.content).join(', ')})`,
      ];
    if (mediaType !== 'application/json' && !mediaType.endsWith('+json')) return [];
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      return [`${where}: the body is not JSON`];
    }
    const pointer = [
      'paths',
      route.template,
      method.toLowerCase(),
      'responses',
      String(status),
      'content',
      mediaType,
      'schema',
    ]
      .map((segment) => segment.replace(/~/g, '~0').replace(/\//g, '~1'))
      .join('/');
    const validate = this.validatorFor(`openapi.json#/${pointer}`);
    if (validate(body)) return [];
    return (validate.errors ?? []).map(
      (error) => `${where}: body${error.instancePath} ${error.message} ${JSON.stringify(error.params)}`,
    );
  }

  private validatorFor(ref: string): ValidateFunction {
    let validate = this.validators.get(ref);
    if (!validate) {
      validate = this.ajv.compile({ $ref: ref });
      this.validators.set(ref, validate);
    }
    return validate;
  }
}

const documents = new Map<string, Promise<OpenApiConformance>>();

/** The conformance checker for the API at `baseUrl`, built from the document it serves (fetched once). */
export function conformanceOf(baseUrl: string): Promise<OpenApiConformance> {
  let checker = documents.get(baseUrl);
  if (!checker) {
    checker = fetch(`${baseUrl}/docs/openapi.json`).then(async (response) => {
      if (!response.ok) throw new Error(`GET /docs/openapi.json answered ${response.status}`);
      return new OpenApiConformance((await response.json()) as Document);
    });
    documents.set(baseUrl, checker);
  }
  return checker;
}
