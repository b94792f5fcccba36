/**
 * Page-number pagination: a list operation returns a `PagePromise`, which is the first page when
 * awaited and every item of every page when iterated with `for await`.
 */
import { APIPromise } from './api-promise.js';
import type { ClientCore, OperationRequest, RequestOptions } from './client-core.js';
import { PaginationError } from './errors.js';

/** Default most pages one list reads (`maxPages`). */
export const DEFAULT_MAX_PAGES = 10_000;

/** How a list operation pages, from the spec's `x-sdk-pagination`. */
export interface PaginationSpec {
  style: 'page';
  /** Query parameter carrying the 1-based page number, e.g. `page`. */
  pageParam: string;
  /** Query parameter carrying the page size, e.g. `page_size`. Sent as the caller gives it in `params`. */
  sizeParam?: string;
  /** Response field holding the page's items, e.g. `records`. */
  itemsField: string;
  /** Boolean response field saying whether a next page exists, e.g. `has_more`. */
  hasMoreField: string;
}

/** One loaded page: the whole response envelope (`data`), its items, and the way to the next page. */
export class PageResult<Item, Page, E = unknown> {
  readonly #hasMore: boolean;
  readonly #loadNext: () => PagePromise<Item, Page, E>;

  constructor(
    /** The response body as the API sent it. */
    readonly data: Page,
    readonly items: Item[],
    hasMore: boolean,
    loadNext: () => PagePromise<Item, Page, E>,
  ) {
    this.#hasMore = hasMore;
    this.#loadNext = loadNext;
  }

  hasNextPage(): boolean {
    return this.#hasMore;
  }

  /**
   * Requests the next page.
   * @throws Error when `hasNextPage()` is false; PaginationError when this page is the last `maxPages` allows.
   */
  getNextPage(): PagePromise<Item, Page, E> {
    if (!this.#hasMore) throw new Error('There is no next page: check hasNextPage() first');
    return this.#loadNext();
  }

  /** This page, then each following page as it is requested. */
  async *pages(): AsyncGenerator<PageResult<Item, Page, E>, void, undefined> {
    // A loop variable that starts at this page, not an alias for a closure.
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    let page: PageResult<Item, Page, E> = this;
    yield page;
    while (page.hasNextPage()) {
      page = await page.getNextPage();
      yield page;
    }
  }
}

/**
 * The first page of a list (`await`), and an async iterable over the items of all pages, requested one
 * page at a time as the loop needs them.
 */
export class PagePromise<Item, Page, E = unknown>
  extends APIPromise<PageResult<Item, Page, E>, E>
  implements AsyncIterable<Item>
{
  /** Every page, starting with this one. */
  async *pages(): AsyncGenerator<PageResult<Item, Page, E>, void, undefined> {
    yield* (await this).pages();
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<Item, void, undefined> {
    for await (const page of this.pages()) yield* page.items;
  }
}

/**
 * Sends a list operation: the result is the first page when awaited, and iterates the items of every
 * page with `for await`. Paging starts at the page `op.params` names (default 1); each page is `op` with
 * the page parameter set. A misbehaving server cannot make the walk loop forever: a page with no items ends
 * it even if it claims more, and a page with the same items as the one before (a server that ignores the
 * page parameter), or a page past `maxPages`, fails it with a `PaginationError`. A function rather than a
 * `ClientCore` method, so that a bundle holds the pagination code only when one of its operations pages.
 */
export function requestPage<Item = unknown, Page = unknown, E = unknown>(
  client: ClientCore,
  op: OperationRequest,
  pagination: PaginationSpec,
  options?: RequestOptions,
): PagePromise<Item, Page, E> {
  const params = op.params as Record<string, unknown> | undefined;
  const maxPages = options?.maxPages ?? DEFAULT_MAX_PAGES;
  const stop = (reason: PaginationError['reason'], page: number) =>
    new PaginationError({ reason, page, method: op.method, path: op.path, maxPages });
  /** `pagesRead` counts the pages before this one; `previousItems` is the page before's items as JSON. */
  const loadPage = (pageNumber: number, pagesRead: number, previousItems?: string): PagePromise<Item, Page, E> =>
    new PagePromise(
      client.send({ ...op, params: { ...params, [pagination.pageParam]: pageNumber } } as OperationRequest, options),
      (body) => {
        const envelope = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
        const found = envelope[pagination.itemsField];
        const items = (Array.isArray(found) ? found : []) as Item[];
        const hasMore = envelope[pagination.hasMoreField] === true && items.length > 0;
        const itemsJson = JSON.stringify(items);
        if (itemsJson === previousItems) throw stop('repeated_page', pageNumber);
        return new PageResult<Item, Page, E>(body as Page, items, hasMore, () => {
          if (pagesRead + 1 >= maxPages) throw stop('max_pages', pageNumber);
          return loadPage(pageNumber + 1, pagesRead + 1, itemsJson);
        });
      },
    );
  return loadPage(firstPageNumber(params?.[pagination.pageParam]), 0);
}

function firstPageNumber(value: unknown): number {
  const page = Number(value ?? 1);
  return Number.isInteger(page) ? page : 1;
}
