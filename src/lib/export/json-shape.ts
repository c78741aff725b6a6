/**
 * A small hand-written validator for parsed JSON (no schema dependency): each read
 * either returns a value of the asked type or throws a ShapeError whose `path`
 * names the offending field (`spans[2].start_cp`), so import errors point at it.
 */

export class ShapeError extends Error {
  readonly path: string
  readonly problem: string

  constructor(path: string, problem: string) {
    super(path === '' ? problem : `${path}: ${problem}`)
    this.name = 'ShapeError'
    this.path = path
    this.problem = problem
  }
}

type JsonObject = Record<string, unknown>

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** A short description of a value for error messages: never the whole of a long text. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing'
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  if (typeof value === 'string') {
    const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value
    return `the string ${JSON.stringify(shown)}`
  }
  if (typeof value === 'object') return 'an object'
  return `${typeof value} ${String(value)}`
}

export class ShapeReader {
  private readonly value: JsonObject
  readonly path: string

  private constructor(value: JsonObject, path: string) {
    this.value = value
    this.path = path
  }

  static of(value: unknown, path = ''): ShapeReader {
    if (!isJsonObject(value)) {
      throw new ShapeError(path, `expected a JSON object, got ${describeValue(value)}`)
    }
    return new ShapeReader(value, path)
  }

  pathOf(key: string): string {
    return this.path === '' ? key : `${this.path}.${key}`
  }

  fail(key: string, problem: string): never {
    throw new ShapeError(this.pathOf(key), problem)
  }

  /** Own properties only: a missing `constructor` key must not find Object.prototype's. */
  raw(key: string): unknown {
    return Object.hasOwn(this.value, key) ? this.value[key] : undefined
  }

  private expected(key: string, what: string): never {
    const value = this.raw(key)
    return this.fail(
      key,
      value === undefined ? `missing ${what}` : `expected ${what}, got ${describeValue(value)}`,
    )
  }

  string(key: string): string {
    const value = this.raw(key)
    return typeof value === 'string' ? value : this.expected(key, 'a string')
  }

  optionalString(key: string): string | undefined {
    return this.raw(key) === undefined ? undefined : this.string(key)
  }

  number(key: string): number {
    const value = this.raw(key)
    return typeof value === 'number' && Number.isFinite(value)
      ? value
      : this.expected(key, 'a number')
  }

  nullableNumber(key: string): number | null {
    return this.raw(key) === null ? null : this.number(key)
  }

  /** A non-negative integer: counts, offsets, row numbers. */
  count(key: string): number {
    const value = this.raw(key)
    return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0
      ? value
      : this.expected(key, 'a non-negative integer')
  }

  boolean(key: string): boolean {
    const value = this.raw(key)
    return typeof value === 'boolean' ? value : this.expected(key, 'true or false')
  }

  nullableBoolean(key: string): boolean | null {
    return this.raw(key) === null ? null : this.boolean(key)
  }

  oneOf<T extends string | number>(key: string, allowed: readonly T[]): T {
    const value = this.raw(key)
    const found = allowed.find((candidate) => candidate === value)
    if (found !== undefined) return found
    return this.expected(key, `one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}`)
  }

  object(key: string): ShapeReader {
    const value = this.raw(key)
    return isJsonObject(value)
      ? new ShapeReader(value, this.pathOf(key))
      : this.expected(key, 'an object')
  }

  /** A JSON object whose keys are data, returned as parsed (keys such as `__proto__` stay own keys). */
  record(key: string): Record<string, unknown> {
    const value = this.raw(key)
    return isJsonObject(value) ? value : this.expected(key, 'an object')
  }

  numberRecord(key: string): Record<string, number> {
    const record = this.object(key)
    for (const entry of Object.keys(record.value)) record.number(entry)
    return record.value as Record<string, number>
  }

  private array(key: string): unknown[] {
    const value = this.raw(key)
    return Array.isArray(value) ? value : this.expected(key, 'an array')
  }

  strings(key: string): string[] {
    return this.array(key).map((item, i) => {
      if (typeof item === 'string') return item
      throw new ShapeError(
        `${this.pathOf(key)}[${i}]`,
        `expected a string, got ${describeValue(item)}`,
      )
    })
  }

  /** A JSON object whose keys are data (annotator names) and whose values are string lists. */
  stringLists(key: string): Record<string, string[]> {
    const record = this.object(key)
    for (const entry of Object.keys(record.value)) record.strings(entry)
    return record.value as Record<string, string[]>
  }

  objects(key: string): ShapeReader[] {
    return this.array(key).map((item, i) => ShapeReader.of(item, `${this.pathOf(key)}[${i}]`))
  }
}
