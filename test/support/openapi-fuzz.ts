import fc from "fast-check";

/**
 * Malformed requests derived from an OpenAPI document, for the API's fuzz test: for each
 * operation, requests that are valid by its contract except for one fault — a bad path
 * parameter, a bad query string, a JSON body with one wrong value, a body that is no JSON at
 * all, or (for a body the document has no schema for) a valid example spoilt in one place — so
 * that most of them get past the checks before the one they aim at.
 */

/** The part of JSON Schema that @fastify/swagger writes from the Zod contracts. */
export interface JsonSchema {
  type?: string;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  nullable?: boolean;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
}

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  schema?: JsonSchema;
}

interface DocumentOperation {
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}

/** What `app.swagger()` returns, as far as the fuzzer reads it. */
export interface OpenApiDocument {
  paths?: Record<string, Record<string, DocumentOperation> | undefined>;
}

/** One operation of the document: `path` is its template, e.g. `/api/office/dossiers/{dossierId}`. */
export interface Operation {
  method: string;
  path: string;
  pathParams: Parameter[];
  query: Parameter[];
  /** The JSON body's schema, when the operation takes one. */
  body: JsonSchema | undefined;
}

const METHODS = ["get", "post", "put", "patch", "delete"];

export function operationsOf(document: OpenApiDocument): Operation[] {
  return Object.entries(document.paths ?? {}).flatMap(([path, operations]) =>
    Object.entries(operations ?? {})
      .filter(([method]) => METHODS.includes(method))
      .map(([method, operation]) => {
        const parameters = operation.parameters ?? [];
        return {
          method: method.toUpperCase(),
          path,
          pathParams: parameters.filter((parameter) => parameter.in === "path"),
          query: parameters.filter((parameter) => parameter.in === "query"),
          body: operation.requestBody?.content?.["application/json"]?.schema,
        };
      }),
  );
}

export const nameOf = (operation: Pick<Operation, "method" | "path">) =>
  `${operation.method} ${operation.path}`;

/** Values that exist (ids of the test's own office, dossier, documents), by parameter name. */
export type KnownValues = Readonly<Record<string, readonly string[]>>;

/** One request to send, with what is wrong with it. */
export interface FuzzRequest {
  /** With the session and CSRF token of the route's audience, or as a stranger without both. */
  sender: "audience" | "stranger";
  method: string;
  url: string;
  contentType: string | undefined;
  payload: string | Buffer | undefined;
  fault: string;
}

// ---------------------------------------------------------------------------------------------
// Bad values

/** JSON text to put in a body as it is: what JSON.stringify cannot write (1e400, deep nesting). */
class RawJson {
  constructor(
    readonly text: string,
    readonly label: string,
  ) {}
}

const CONTROL_CHARACTERS = [
  ..."\u0000\u0001\u0007\b\t\n\u000b\f\r\u001b\u007f\u0085\u009f",
] as const;

const TRICKY_STRINGS = [
  "\u0000",
  "a\u0000b",
  "\u202Efdp.exe",
  "\u202E",
  "\u200B",
  "\uFEFF",
  "\u2028\u2029",
  "\ud800",
  "\udfff",
  "a\ud83d",
  "💥",
  "e\u0301",
  "' OR '1'='1",
  "'; DROP TABLE accounts; --",
  "\\",
  '"',
  "\u0024{7*7}",
  "{{7*7}}",
  "<script>alert(1)</script>",
  "../../../etc/passwd",
  "%00",
  "%s%n%x",
  "",
  " ",
  " \t ",
  "null",
  "undefined",
  "NaN",
  "Infinity",
  "-1",
  "1e309",
  "0x1F",
  "[]",
  "{}",
  "__proto__",
  "constructor",
  "\r\nSet-Cookie: a=b",
];

/** 1,000 to 100,000 times one character: plain, NUL, a letter of two bytes, U+202E, an emoji. */
const hugeString = fc
  .record({
    unit: fc.constantFrom("a", "\u0000", "é", "\u202E", "💥", " ", "\n"),
    length: fc.integer({ min: 1_000, max: 100_000 }),
  })
  .map(({ unit, length }) => unit.repeat(length));

const nastyString: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...TRICKY_STRINGS), weight: 4 },
  // PostgreSQL refuses a NUL in text and in JSON: the one byte that must never reach a query.
  {
    arbitrary: fc.string({ maxLength: 10 }).map((text) => `${text}\u0000${text}`),
    weight: 3,
  },
  {
    arbitrary: fc.string({
      unit: fc.constantFrom(...CONTROL_CHARACTERS, "a", "é", "\u202E"),
      minLength: 1,
      maxLength: 20,
    }),
    weight: 2,
  },
  { arbitrary: fc.string({ unit: "binary", maxLength: 40 }), weight: 1 },
  { arbitrary: hugeString, weight: 1 },
);

/** Nesting JSON can hold but no contract expects: 100 to 10,000 arrays or objects deep. */
const deepJson = fc
  .record({ depth: fc.integer({ min: 100, max: 10_000 }), kind: fc.constantFrom("[]", "{}") })
  .map(
    ({ depth, kind }) =>
      new RawJson(
        kind === "[]"
          ? `${"[".repeat(depth)}${"]".repeat(depth)}`
          : `${'{"a":'.repeat(depth)}1${"}".repeat(depth)}`,
        `<${kind} nested ${depth} deep>`,
      ),
  );

const oddNumber = fc.oneof(
  fc.integer(),
  fc.constantFrom(
    -1,
    0,
    -0,
    1.5,
    2 ** 31,
    2 ** 53 + 2,
    -(2 ** 53 + 2),
    Number.MAX_VALUE,
    -Number.MAX_VALUE,
    Number.MIN_VALUE,
    1e21,
  ),
  fc
    .constantFrom("1e400", "-1e400", "123456789012345678901234567890", "-0", "1E-400", "0.0000001")
    .map((text) => new RawJson(text, text)),
);

/** A value of another type than asked, or of the right type and badly chosen. */
const badValue: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: nastyString, weight: 4 },
  { arbitrary: oddNumber, weight: 2 },
  { arbitrary: fc.constantFrom(null, true, false), weight: 1 },
  { arbitrary: fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 3 }), weight: 1 },
  {
    arbitrary: fc.dictionary(fc.string({ maxLength: 5 }), fc.jsonValue({ maxDepth: 1 }), {
      maxKeys: 3,
    }),
    weight: 1,
  },
  { arbitrary: deepJson, weight: 1 },
);

/** Keys a contract does not know, some with a meaning to JavaScript or to the data. */
const extraKey = fc.oneof(
  fc.constantFrom(
    "__proto__",
    "constructor",
    "prototype",
    "toString",
    "",
    "id",
    "accountId",
    "officeId",
    "role",
    "kind",
    "isAdmin",
  ),
  fc.string({ maxLength: 10 }),
);

// ---------------------------------------------------------------------------------------------
// Valid values, from a schema

const UUID_PATTERN_SOURCE = "[0-9a-fA-F]{8}-";

function knownOrGenerated(
  name: string,
  known: KnownValues,
  generated: fc.Arbitrary<string>,
): fc.Arbitrary<string> {
  const values = known[name] ?? [];
  return values.length > 0
    ? fc.oneof({ arbitrary: fc.constantFrom(...values), weight: 2 }, generated)
    : generated;
}

/** A value the schema accepts (as far as JSON Schema says: Zod may refine it further). */
function validValue(schema: JsonSchema, name: string, known: KnownValues): fc.Arbitrary<unknown> {
  const value = validNonNull(schema, name, known);
  return schema.nullable ? fc.option(value, { nil: null, freq: 4 }) : value;
}

function validNonNull(schema: JsonSchema, name: string, known: KnownValues): fc.Arbitrary<unknown> {
  if (schema.enum) return fc.constantFrom(...schema.enum);
  if (schema.const !== undefined) return fc.constant(schema.const);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map((part) => validValue(part, name, known)));
  if (schema.allOf?.[0]) return validValue(schema.allOf[0], name, known);
  switch (schema.type) {
    case "string":
      return validString(schema, name, known);
    case "integer":
    case "number": {
      const min = schema.minimum ?? (schema.exclusiveMinimum ?? -1001) + 1;
      const max = schema.maximum ?? (schema.exclusiveMaximum ?? 1001) - 1;
      return fc.integer({ min: Math.max(min, -1e6), max: Math.min(max, 1e6) });
    }
    case "boolean":
      return fc.boolean();
    case "array":
      return fc.array(validValue(schema.items ?? {}, name, known), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.min(schema.maxItems ?? 3, 3),
      });
    case "object": {
      const properties = schema.properties ?? {};
      return fc.record(
        Object.fromEntries(
          Object.entries(properties).map(([key, part]) => [key, validValue(part, key, known)]),
        ),
        { requiredKeys: schema.required ?? [] },
      );
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

function validString(schema: JsonSchema, name: string, known: KnownValues): fc.Arbitrary<string> {
  if (schema.format === "uuid" || schema.pattern?.includes(UUID_PATTERN_SOURCE)) {
    return knownOrGenerated(name, known, fc.uuid());
  }
  if (schema.format === "date") {
    return fc
      .date({ min: new Date("1900-01-01"), max: new Date("2199-12-31"), noInvalidDate: true })
      .map((date) => date.toISOString().slice(0, 10));
  }
  if (schema.format === "date-time") {
    return fc
      .date({ min: new Date("1900-01-01"), max: new Date("2199-12-31"), noInvalidDate: true })
      .map((date) => date.toISOString());
  }
  if (schema.pattern) {
    return knownOrGenerated(name, known, fc.stringMatching(new RegExp(schema.pattern, "u")));
  }
  if (/email/i.test(name) && !/part/i.test(name)) {
    return knownOrGenerated(name, known, fc.emailAddress());
  }
  if (/mobile|phone/i.test(name)) {
    return fc.oneof(fc.stringMatching(/^06[0-9]{8}$/), fc.stringMatching(/^\+4[0-9]{9}$/));
  }
  const minLength = schema.minLength ?? 0;
  const maxLength = Math.max(minLength, Math.min(schema.maxLength ?? 40, 40));
  return knownOrGenerated(
    name,
    known,
    fc.oneof(
      fc.string({ unit: "grapheme-ascii", minLength, maxLength }),
      fc.string({ unit: "grapheme", minLength, maxLength }),
    ),
  );
}

// ---------------------------------------------------------------------------------------------
// One fault per request

type Segment = string | number;

/** Every place in a JSON value a fault can go: the root, each property and array element. */
function placesIn(value: unknown, at: Segment[] = []): Segment[][] {
  const places = [at];
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      places.push(...placesIn(item, [...at, index]));
    });
  } else if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) places.push(...placesIn(item, [...at, key]));
  }
  return places;
}

type Change =
  | { kind: "replace"; value: unknown }
  | { kind: "remove" }
  | { kind: "add"; key: string; value: unknown }
  | { kind: "wrap in an array" };

const changes: fc.Arbitrary<Change> = fc.oneof(
  { arbitrary: badValue.map((value): Change => ({ kind: "replace", value })), weight: 5 },
  { arbitrary: fc.constant<Change>({ kind: "remove" }), weight: 1 },
  {
    arbitrary: fc
      .tuple(extraKey, fc.oneof(badValue, fc.jsonValue({ maxDepth: 1 })))
      .map(([key, value]): Change => ({ kind: "add", key, value })),
    weight: 1,
  },
  { arbitrary: fc.constant<Change>({ kind: "wrap in an array" }), weight: 1 },
);

const setOwn = (target: object, key: PropertyKey, value: unknown) =>
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });

/** The value with one change at one place; `{}` for the root removed. */
function applyChange(value: unknown, at: Segment[], change: Change): unknown {
  if (at.length === 0) {
    switch (change.kind) {
      case "replace":
        return change.value;
      case "remove":
        return {};
      case "wrap in an array":
        return [value];
      case "add":
        return value !== null && typeof value === "object" && !Array.isArray(value)
          ? setOwn({ ...value }, change.key, change.value)
          : { [change.key]: change.value, value };
    }
  }
  const [head, ...rest] = at as [Segment, ...Segment[]];
  const copy: Record<Segment, unknown> | unknown[] = Array.isArray(value)
    ? [...value]
    : { ...(value as Record<string, unknown>) };
  const current = (copy as Record<Segment, unknown>)[head];
  if (rest.length === 0 && change.kind === "remove") {
    if (Array.isArray(copy)) copy.splice(Number(head), 1);
    else delete (copy as Record<Segment, unknown>)[head];
    return copy;
  }
  setOwn(copy, head, applyChange(current, rest, change));
  return copy;
}

/** JSON text of a value that may hold `RawJson` parts. */
function jsonText(value: unknown): string {
  const raw: string[] = [];
  const text = JSON.stringify(value, (_key, item: unknown) => {
    if (item instanceof RawJson) {
      raw.push(item.text);
      return `\u0000raw${raw.length - 1}\u0000`;
    }
    return item;
  });
  return (text ?? "null").replace(
    /"\\u0000raw(\d+)\\u0000"/g,
    (_, index) => raw[Number(index)] ?? "",
  );
}

/** Text as the report shows it: long runs of one character shortened, and at most `max` long. */
function abbreviate(text: string, max = 600): string {
  const short = text.replace(/(.)\1{15,}/gsu, (run, unit: string) => {
    const count = [...run].length;
    return `${JSON.stringify(unit).slice(1, -1)}…(×${count})`;
  });
  return short.length > max ? `${short.slice(0, max)}… (${text.length} characters)` : short;
}

const describeValue = (value: unknown) =>
  value instanceof RawJson ? value.label : abbreviate(jsonText(value), 200);

function describeChange(at: Segment[], change: Change): string {
  const place = ["body", ...at].join(".");
  switch (change.kind) {
    case "replace":
      return `${place} = ${describeValue(change.value)}`;
    case "remove":
      return at.length === 0 ? "body = {}" : `${place} left out`;
    case "add":
      return `${place}.${JSON.stringify(change.key)} added = ${describeValue(change.value)}`;
    case "wrap in an array":
      return `${place} wrapped in an array`;
  }
}

/** Percent-encodes all UTF-8 bytes but the unreserved characters (a lone surrogate: U+FFFD). */
function percentEncode(value: string): string {
  return [...Buffer.from(value, "utf8")]
    .map((byte) =>
      /[A-Za-z0-9\-._~]/.test(String.fromCharCode(byte))
        ? String.fromCharCode(byte)
        : `%${byte.toString(16).toUpperCase().padStart(2, "0")}`,
    )
    .join("");
}

/** A path parameter as it goes into the URL: encoded, or raw text that is already URL syntax. */
const badPathValue: fc.Arbitrary<string> = fc.oneof(
  {
    arbitrary: fc.constantFrom(
      "not-a-uuid",
      "123",
      "0",
      "-1",
      "null",
      "true",
      "00000000-0000-0000-0000-00000000000",
      "00000000-0000-0000-0000-0000000000000",
      "zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz",
      "{id}",
      ":id",
      "..",
      ".",
      "%",
      "%zz",
      "%00",
      "%0A",
      "%E2%80%AE",
      "%C0%AF",
      "%FF",
      "%2F",
      "a%2Fb",
      "a;b",
      "*",
    ),
    weight: 3,
  },
  {
    arbitrary: fc
      .tuple(
        fc.uuid(),
        fc.constantFrom("upper", "no dashes", "space before", "NUL after", "x after", "braces"),
      )
      .map(([uuid, how]) => {
        switch (how) {
          case "upper":
            return uuid.toUpperCase();
          case "no dashes":
            return uuid.replaceAll("-", "");
          case "space before":
            return `%20${uuid}`;
          case "NUL after":
            return `${uuid}%00`;
          case "x after":
            return `${uuid}x`;
          default:
            return `%7B${uuid}%7D`;
        }
      }),
    weight: 2,
  },
  { arbitrary: nastyString.map(percentEncode), weight: 3 },
  // Beyond Fastify's maxParamLength (100) and far beyond.
  {
    arbitrary: fc.integer({ min: 90, max: 20_000 }).map((length) => "a".repeat(length)),
    weight: 1,
  },
);

const oddQueryValue: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: nastyString.map(percentEncode), weight: 3 },
  {
    arbitrary: fc.constantFrom(
      "-1",
      "0",
      "1.5",
      "1e309",
      "-1e309",
      "NaN",
      "Infinity",
      "99999999999999999999",
      "0x10",
      "%201",
      "",
      "null",
      "%zz",
      "%",
    ),
    weight: 2,
  },
  { arbitrary: fc.integer().map(String), weight: 1 },
);

const junkQuery = fc.constantFrom(
  "%",
  "%zz=1",
  "a=%E0%A4%A",
  "=",
  "&&&",
  "a[]=1&a[]=2",
  "a[b]=1",
  "__proto__=1",
  "__proto__[x]=1",
  "constructor=1",
  "q",
  "%00=%00",
  `a=${"b".repeat(10_000)}`,
);

/** A valid body of a route whose body is no JSON (a form, a mail server's bounce), to spoil. */
export interface Example {
  contentType: string;
  payload: string;
}

export interface FuzzOptions {
  known: KnownValues;
  /** Valid bodies by operation (`POST /path`), for the routes the document has no schema for. */
  examples?: Readonly<Record<string, readonly Example[]>>;
}

type TextChange =
  | "insert"
  | "append to a header's value"
  | "replace a header's value"
  | "break off"
  | "repeat a line";

/**
 * One change to a text: something nasty put in or a header's value replaced, a line repeated,
 * the rest cut off. Returns the changed text and, for the report, what changed where.
 */
function spoil(
  text: string,
  how: TextChange,
  at: number,
  nasty: string,
  times: number,
): { text: string; change: string } {
  const position = at % (text.length + 1);
  const lines = text.split(/(?<=\n)/);
  const around = (index: number) =>
    abbreviate(JSON.stringify(text.slice(Math.max(0, index - 40), index)), 80);
  switch (how) {
    case "insert":
      return {
        text: `${text.slice(0, position)}${nasty}${text.slice(position)}`,
        change: `${abbreviate(JSON.stringify(nasty), 100)} put in after ${around(position)}`,
      };
    case "break off":
      return { text: text.slice(0, position), change: `broken off after ${around(position)}` };
    case "repeat a line": {
      const index = at % lines.length;
      const line = lines[index] ?? "";
      return {
        text: [...lines.slice(0, index), line.repeat(times), ...lines.slice(index + 1)].join(""),
        change: `${abbreviate(JSON.stringify(line), 100)} ${times} times`,
      };
    }
    case "append to a header's value":
    case "replace a header's value": {
      const headers = lines.flatMap((line, index) => (/^[\w-]+:/.test(line) ? [index] : []));
      const index = headers[at % Math.max(headers.length, 1)];
      if (index === undefined) return spoil(text, "insert", 0, nasty, times);
      const line = lines[index] ?? "";
      const end = line.endsWith("\r\n") ? "\r\n" : "\n";
      const start =
        how === "replace a header's value" ? line.indexOf(":") + 1 : line.length - end.length;
      lines[index] = `${line.slice(0, start)}${nasty}${end}`;
      return {
        text: lines.join(""),
        change: `the line is now ${abbreviate(JSON.stringify(lines[index]), 200)}`,
      };
    }
  }
}

/** Where a change goes in an example; most into one header's value, which a parser reads. */
const textChange = fc.oneof(
  { arbitrary: fc.constant<TextChange>("append to a header's value"), weight: 3 },
  { arbitrary: fc.constant<TextChange>("replace a header's value"), weight: 3 },
  { arbitrary: fc.constant<TextChange>("insert"), weight: 2 },
  { arbitrary: fc.constant<TextChange>("break off"), weight: 1 },
  { arbitrary: fc.constant<TextChange>("repeat a line"), weight: 1 },
);

interface RequestParts {
  pathValues: Record<string, string>;
  query: string[];
  contentType: string | undefined;
  payload: string | Buffer | undefined;
  fault: string;
}

const WITH_BODY = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** Requests for one operation: each valid by its contract but for one fault. */
export function requestsFor(
  operation: Operation,
  { known, examples = {} }: FuzzOptions,
): fc.Arbitrary<FuzzRequest> {
  const validPath = fc.record(
    Object.fromEntries(
      operation.pathParams.map((parameter) => [
        parameter.name,
        validValue(parameter.schema ?? { type: "string" }, parameter.name, known).map((value) =>
          percentEncode(String(value)),
        ),
      ]),
    ) as Record<string, fc.Arbitrary<string>>,
  );
  const validQuery = fc
    .tuple(
      ...operation.query.map((parameter) => {
        const value = validValue(parameter.schema ?? { type: "string" }, parameter.name, known).map(
          (item) => `${percentEncode(parameter.name)}=${percentEncode(String(item))}`,
        );
        return parameter.required
          ? value.map((item) => [item])
          : fc.option(
              value.map((item) => [item]),
              { nil: [] },
            );
      }),
    )
    .map((parts) => parts.flat());
  const body = operation.body;
  const validBody = body ? validValue(body, "body", known) : fc.constant(undefined);
  const noBody = { contentType: undefined, payload: undefined };
  const jsonBody = (value: unknown) =>
    body ? { contentType: "application/json", payload: jsonText(value) } : noBody;

  const faults: Array<fc.WeightedArbitrary<RequestParts>> = [];
  faults.push({
    weight: 1,
    arbitrary: fc.record({ path: validPath, query: validQuery, body: validBody }).map(
      ({ path, query, body: value }): RequestParts => ({
        pathValues: path,
        query,
        ...jsonBody(value),
        fault: "none (valid by the contract)",
      }),
    ),
  });
  if (operation.pathParams.length > 0) {
    faults.push({
      weight: 3,
      arbitrary: fc
        .record({
          path: validPath,
          query: validQuery,
          body: validBody,
          name: fc.constantFrom(...operation.pathParams.map((parameter) => parameter.name)),
          bad: badPathValue,
        })
        .map(({ path, query, body: value, name, bad }) => ({
          pathValues: { ...path, [name]: bad },
          query,
          ...jsonBody(value),
          fault: `path parameter ${name} = ${abbreviate(bad, 200)}`,
        })),
    });
  }
  const queryNames = operation.query.map((parameter) => parameter.name);
  faults.push({
    weight: queryNames.length > 0 ? 3 : 1,
    arbitrary: fc
      .record({
        path: validPath,
        query: validQuery,
        body: validBody,
        bad: fc.oneof(
          ...(queryNames.length > 0
            ? [
                fc
                  .tuple(fc.constantFrom(...queryNames), oddQueryValue)
                  .map(([name, value]) => ({ text: `${name}=${value}`, replaces: name })),
                fc
                  .tuple(fc.constantFrom(...queryNames), oddQueryValue, oddQueryValue)
                  .map(([name, first, second]) => ({
                    text: `${name}=${first}&${name}=${second}`,
                    replaces: name,
                  })),
              ]
            : []),
          junkQuery.map((text) => ({ text, replaces: undefined })),
        ),
      })
      .map(({ path, query, body: value, bad }) => ({
        pathValues: path,
        query: [
          ...query.filter((part) => !bad.replaces || !part.startsWith(`${bad.replaces}=`)),
          bad.text,
        ],
        ...jsonBody(value),
        fault: `query ${abbreviate(bad.text, 200)}`,
      })),
  });
  if (body) {
    faults.push({
      weight: 6,
      arbitrary: fc.record({ path: validPath, query: validQuery, body: validBody }).chain((parts) =>
        fc
          .record({ at: fc.constantFrom(...placesIn(parts.body)), change: changes })
          .map(({ at, change }) => ({
            pathValues: parts.path,
            query: parts.query,
            ...jsonBody(applyChange(parts.body, at, change)),
            fault: describeChange(at, change),
          })),
      ),
    });
  }
  const ownExamples = examples[nameOf(operation)] ?? [];
  if (ownExamples.length > 0) {
    faults.push({
      weight: 6,
      arbitrary: fc
        .record({
          path: validPath,
          query: validQuery,
          example: fc.constantFrom(...ownExamples),
          how: textChange,
          // Unbiased: small numbers would put every change near the start.
          at: fc.noBias(fc.nat()),
          // A bare NUL often: text from outside (a bounce, a form) ends up in the database.
          nasty: fc.oneof({ arbitrary: nastyString, weight: 2 }, fc.constant("\u0000")),
          times: fc.integer({ min: 2, max: 1_000 }),
        })
        .map(({ path, query, example, how, at, nasty, times }) => {
          const spoilt = spoil(example.payload, how, at, nasty, times);
          return {
            pathValues: path,
            query,
            contentType: example.contentType,
            payload: spoilt.text,
            fault: `example body, ${how}: ${spoilt.change}`,
          };
        }),
    });
  }
  if (WITH_BODY.has(operation.method)) {
    faults.push({
      weight: 3,
      arbitrary: fc
        .record({ path: validPath, query: validQuery, content: unreadableBody })
        .map(({ path, query, content }) => ({
          pathValues: path,
          query,
          contentType: content.contentType,
          payload: content.payload,
          fault: content.fault,
        })),
    });
  }

  return fc
    .record({
      sender: fc.oneof(
        { arbitrary: fc.constant("audience" as const), weight: 4 },
        { arbitrary: fc.constant("stranger" as const), weight: 1 },
      ),
      parts: fc.oneof(...faults),
    })
    .map(({ sender, parts }) => {
      const path = operation.path.replace(
        /\{([^}]+)\}/g,
        (_, name: string) => parts.pathValues[name] ?? "",
      );
      return {
        sender,
        method: operation.method,
        url: parts.query.length > 0 ? `${path}?${parts.query.join("&")}` : path,
        contentType: parts.contentType,
        payload: parts.payload,
        fault: parts.fault,
      };
    });
}

// ---------------------------------------------------------------------------------------------
// Bodies that are no JSON of the contract: other content types, broken JSON, broken forms

interface Content {
  contentType: string | undefined;
  payload: string | Buffer;
  fault: string;
}

const FORM_BOUNDARY = "----poortfuzz";

const formField = fc.record({
  name: fc.oneof(
    fc.constantFrom("category", "title", "publish", "file", "__proto__", ""),
    nastyString.filter((name) => name.length < 100),
  ),
  value: fc.oneof(
    fc.constantFrom("correspondence", "documents", "supplied", "true", "false", "Brief"),
    nastyString,
  ),
  file: fc.option(
    fc.record({
      name: fc.oneof(
        fc.constantFrom("brief.pdf", "../../etc/passwd", "a\u0000.pdf", ""),
        nastyString,
      ),
      type: fc.constantFrom("application/pdf", "text/plain", "image/png", "", "x"),
    }),
    { nil: undefined },
  ),
});

/** A multipart form with these parts, as text (binary files are not the point here). */
function formText(
  parts: Array<{ name: string; value: string; file?: { name: string; type: string } | undefined }>,
) {
  const quoted = (text: string) => text.replace(/["\r\n]/g, (c) => encodeURIComponent(c));
  const body = parts
    .map((part) => {
      const file = part.file
        ? `; filename="${quoted(part.file.name)}"\r\ncontent-type: ${part.file.type}`
        : "";
      return `--${FORM_BOUNDARY}\r\ncontent-disposition: form-data; name="${quoted(part.name)}"${file}\r\n\r\n${part.value}\r\n`;
    })
    .join("");
  return `${body}--${FORM_BOUNDARY}--\r\n`;
}

const PDF = "%PDF-1.4\n1 0 obj <</Type /Catalog>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n";

const unreadableBody: fc.Arbitrary<Content> = fc.oneof(
  // Not JSON at all, as another content type.
  fc
    .record({
      contentType: fc.constantFrom(
        "text/plain",
        "text/html; charset=utf-8",
        "application/xml",
        "application/octet-stream",
        "application/x-www-form-urlencoded",
        "application/ocsp-request",
        "application/offset+octet-stream",
        "application/pdf",
        "image/png",
        "text/json",
        "application/vnd.api+json",
        "message/rfc822",
        "multipart/report",
        "*/*",
        "x",
        ";",
        "/",
      ),
      payload: fc.oneof(
        fc.constantFrom("a=1&b=2", '{"a":1}', "", PDF),
        nastyString,
        fc.uint8Array({ maxLength: 64 }).map((bytes) => Buffer.from(bytes)),
      ),
    })
    .map(({ contentType, payload }) => ({
      contentType,
      payload,
      fault: `content-type ${contentType}: ${abbreviate(String(payload), 120)}`,
    })),
  // A body without a content type.
  fc.constantFrom('{"a":1}', "x", PDF).map((payload) => ({
    contentType: undefined,
    payload,
    fault: `no content-type: ${payload}`,
  })),
  // application/json that is no JSON, or JSON nobody expects.
  fc
    .record({
      contentType: fc.constantFrom(
        "application/json",
        "application/json; charset=utf-8",
        "APPLICATION/JSON",
        "application/json; charset=latin1",
        "application/json; charset=utf-16le",
        "application/json;",
      ),
      payload: fc.oneof(
        fc.constantFrom(
          "",
          "{",
          "}",
          "{'a':1}",
          '{"a":}',
          "[1,]",
          "NaN",
          "Infinity",
          "-",
          "nul",
          "\u0000",
          '{"a":1}x',
          "\uFEFF{}",
          '{"__proto__":{"polluted":1}}',
          '{"constructor":{"prototype":{"polluted":1}}}',
          '"a"',
          "1",
          "-1e400",
          "null",
          "true",
          "[]",
          "[{}]",
          '{"a":"\\ud800"}',
          '{"a":"\\u0000"}',
          '{"a":1e400}',
          '{"a":"\\x41"}',
        ),
        deepJson.map((deep) => deep.text),
        fc.string({ unit: "binary", maxLength: 40 }),
        fc.uint8Array({ maxLength: 64 }).map((bytes) => Buffer.from(bytes)),
      ),
    })
    .map(({ contentType, payload }) => ({
      contentType,
      payload,
      fault: `${contentType}: ${abbreviate(String(payload), 120)}`,
    })),
  // Forms: no boundary, an empty boundary, a form that breaks off, odd fields.
  fc
    .record({
      parts: fc.array(formField, { minLength: 0, maxLength: 12 }),
      how: fc.constantFrom("no boundary", "empty boundary", "broken off", "whole", "whole"),
      cut: fc.noBias(fc.nat()),
    })
    .map(({ parts, how, cut }) => {
      const text = formText(parts.map((part) => (part.file ? { ...part, value: PDF } : part)));
      const contentType =
        how === "no boundary"
          ? "multipart/form-data"
          : how === "empty boundary"
            ? "multipart/form-data; boundary="
            : `multipart/form-data; boundary=${FORM_BOUNDARY}`;
      const payload =
        how === "broken off" ? text.slice(0, cut % Math.max(text.length - 8, 1)) : text;
      return {
        contentType,
        payload,
        fault: `multipart form (${how}): ${abbreviate(payload, 300)}`,
      };
    }),
  // Larger than the body limit (1 MiB).
  fc.constant({
    contentType: "application/json",
    payload: `{"a":"${"a".repeat(1_100_000)}"}`,
    fault: "application/json of 1.1 MB",
  }),
);

// ---------------------------------------------------------------------------------------------
// What an answer must not hold

const STACK_TRACE = [
  /\bat .*\(.*:\d+:\d+\)/,
  /\bat (?:async )?(?:\S+ )?\(?(?:file:|node:|\/)\S*:\d+:\d+/,
  /node_modules[/\\]/,
  /\b\w*Error: [^"\n]*(?:\n|\\n)\s+at /,
  /(?:file:\/\/|\/src\/server\/)[\w./-]+\.(?:ts|js|mjs|cjs)\b/,
];

/** Text a person or program reads: where a stack trace could show (not a PDF, a CRL). */
const TEXTUAL = /^(?:text\/|application\/(?:[\w.+-]*json|xml|x-www-form-urlencoded|problem))/;

/** What is wrong with an answer, if anything: a 5xx, or a stack trace or source path in it. */
export function problemWithAnswer(
  statusCode: number,
  contentType: string | undefined,
  body: Buffer,
): string | undefined {
  if (statusCode >= 500) return `answered ${statusCode}`;
  if (contentType && !TEXTUAL.test(contentType)) return undefined;
  const text = body.toString("utf8");
  const trace = STACK_TRACE.find((pattern) => pattern.test(text));
  return trace ? `the answer shows a stack trace or source path (${trace})` : undefined;
}

/** Control and format characters (but line breaks) as `\uXXXX`, so a report prints safely. */
const printable = (text: string) =>
  text.replace(
    /(?![\n])[\p{Cc}\p{Cf}]/gu,
    (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );

/** How a failing request reads in the report. */
export function describeRequest(request: FuzzRequest): string {
  const lines = [
    `${request.method} ${abbreviate(request.url, 300)}`,
    `  as ${request.sender === "audience" ? "the route's audience" : "a stranger (no session, no CSRF token)"}`,
    `  fault: ${request.fault}`,
  ];
  if (request.payload !== undefined) {
    const body =
      typeof request.payload === "string"
        ? abbreviate(request.payload)
        : `<${request.payload.length} bytes> ${request.payload.toString("hex").slice(0, 80)}`;
    lines.push(`  content-type: ${request.contentType ?? "(none)"}`, `  body: ${body}`);
  }
  return printable(lines.join("\n"));
}
