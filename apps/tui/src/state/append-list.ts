/** Anything read by index with a length: a plain array or an {@link AppendList}. */
export interface Indexed<T> {
  readonly length: number;
  at(index: number): T | undefined;
}

/**
 * An append-only sequence whose values never change for whoever holds them: each value sees only
 * its own `length` rows of a shared backing array. Appending to the newest value pushes into that
 * array (cost proportional to what is appended, not to the list); appending to an older value copies
 * its rows first, so the newer value is left as it was.
 *
 * @example
 * const one = AppendList.empty<number>().append([1, 2]);
 * const two = one.append([3]); // one.length === 2, two.length === 3
 */
export class AppendList<T> implements Indexed<T>, Iterable<T> {
  readonly #backing: T[];
  readonly length: number;

  private constructor(backing: T[], length: number) {
    this.#backing = backing;
    this.length = length;
  }

  /** An empty list. */
  static empty<T>(): AppendList<T> {
    return new AppendList<T>([], 0);
  }

  /** A list holding a copy of `items` (later changes to `items` do not show through). */
  static from<T>(items: Indexed<T>): AppendList<T> {
    if (items instanceof AppendList) return items as AppendList<T>;
    const backing: T[] = [];
    for (let i = 0; i < items.length; i++) backing.push(items.at(i) as T);
    return new AppendList(backing, backing.length);
  }

  /** The row at `index`, or `undefined` outside `0 … length - 1`. */
  at(index: number): T | undefined {
    return Number.isInteger(index) && index >= 0 && index < this.length ? this.#backing[index] : undefined;
  }

  /** A new list with `more` after this one's rows; this list is unchanged. */
  append(more: Indexed<T>): AppendList<T> {
    if (more.length === 0) return this;
    const backing = this.#backing.length === this.length ? this.#backing : this.#backing.slice(0, this.length);
    for (let i = 0; i < more.length; i++) backing.push(more.at(i) as T);
    return new AppendList(backing, backing.length);
  }

  /** Whether both lists read the same backing array (no rows were copied between them). */
  sharesStorageWith(other: AppendList<unknown>): boolean {
    return this.#backing === other.#backing;
  }

  /** A plain array of this list's rows. */
  toArray(): T[] {
    return this.#backing.slice(0, this.length);
  }

  *[Symbol.iterator](): Iterator<T> {
    for (let i = 0; i < this.length; i++) yield this.#backing[i] as T;
  }
}
