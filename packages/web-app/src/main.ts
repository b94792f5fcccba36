/**
 * The page's behaviour: connect with credentials typed into the form, list customers a page at a time,
 * add a note, and look a customer up, telling the user what each typed error means.
 */
import {
  RevioClient,
  type CustomersListError,
  type CustomersListItem,
  type CustomersListResponse,
  type PageResult,
} from '@revio-sdk/client';
import { describeLookupError } from './describe-error.js';

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const value = (id: string) => byId<HTMLInputElement>(id).value;

let client: RevioClient | undefined;
type CustomersPage = PageResult<CustomersListItem, CustomersListResponse, CustomersListError>;

let page: CustomersPage | undefined;
let pageNumber = 0;

byId('connect').addEventListener('submit', (event) => {
  event.preventDefault();
  client = new RevioClient({
    baseUrl: value('base-url'),
    username: value('username'),
    clientCode: value('client-code'),
    password: value('password'),
    ...(value('subscription-key') ? { subscriptionKey: value('subscription-key') } : {}),
    maxRetries: 0,
  });
  byId('connect').hidden = true;
  byId('app').hidden = false;
  void run(async () => showPage(await client!.customers.list({ page_size: 2 }), 1));
});

byId('next-page').addEventListener('click', () => {
  void run(async () => showPage(await page!.getNextPage(), pageNumber + 1));
});

byId('note').addEventListener('submit', (event) => {
  event.preventDefault();
  void run(async () => {
    const note = await client!.notes.create({ customer_id: Number(value('note-customer')), body: value('note-body') });
    byId('note-result').textContent = `Note ${String(note.id)} created.`;
  });
});

byId('lookup').addEventListener('submit', (event) => {
  event.preventDefault();
  void run(async () => {
    const id = Number(value('lookup-id'));
    const mockStatus = value('mock-status');
    const result = await client!.customers
      .get(id, mockStatus ? { headers: { Prefer: `code=${mockStatus}` } } : {})
      .safe();
    byId('lookup-result').textContent = result.ok
      ? `Customer ${result.data.customer_id}: ${result.data.status ?? 'unknown status'}`
      : describeLookupError(id, result.error);
  });
});

function showPage(next: CustomersPage, number: number): void {
  page = next;
  pageNumber = number;
  byId('page-label').textContent = `(page ${number})`;
  byId('customers').replaceChildren(
    ...next.items.map((customer) => {
      const item = document.createElement('li');
      item.textContent = `${customer.customer_id}: ${customer.status ?? 'unknown status'}`;
      return item;
    }),
  );
  byId<HTMLButtonElement>('next-page').disabled = !next.hasNextPage();
}

/** Runs a user action; anything unexpected is shown instead of lost in the console. */
async function run(action: () => Promise<void>): Promise<void> {
  byId('error').textContent = '';
  try {
    await action();
  } catch (error) {
    byId('error').textContent = `Something went wrong: ${(error as Error).message}`;
  }
}
