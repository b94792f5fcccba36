import { describe, expect, it } from 'vitest';
import type { Operation } from '../../src/model/types.js';
import { returnType, signatureParameters, signatureText } from '../../src/emit/operation-signature.js';
import {
  createCustomer,
  createNote,
  deleteCustomer,
  downloadReport,
  getCustomer,
  listCustomers,
} from './fixtures/shop-api.js';

describe('signatureText', () => {
  it.each<[string, { given: Operation; want: string }]>([
    [
      'path parameter',
      {
        given: getCustomer,
        want: 'get(id: number, options?: RequestOptions): APIPromise<CustomersGetResponse, CustomersGetError>',
      },
    ],
    [
      'optional params are an optional argument (a `= {}` default would not fit a `constructor` param)',
      {
        given: listCustomers,
        want: 'list(params?: CustomersListParams, options?: RequestOptions): PagePromise<CustomersListItem, CustomerList, CustomersListError>',
      },
    ],
    [
      '201 resolves to Created',
      {
        given: createCustomer,
        want: 'create(body: CustomerCreate, options?: RequestOptions): APIPromise<Created<CreatedBody>, CustomersCreateError>',
      },
    ],
    [
      'optional body',
      {
        given: createNote,
        want: 'createNote(body?: ReportsCreateNoteBody, options?: RequestOptions): APIPromise<string, ReportsCreateNoteError>',
      },
    ],
    [
      'required params',
      {
        given: downloadReport,
        want: 'download(reportId: ReportsDownloadReportId, params: ReportsDownloadParams, options?: RequestOptions): APIPromise<Blob, ReportsDownloadError>',
      },
    ],
  ])('%s', (_name, { given, want }) => {
    expect(signatureText(given)).toBe(want);
  });
});

describe('signatureParameters', () => {
  it('types an optional body before required params as `| undefined`, never `?`', () => {
    const operation: Operation = { ...downloadReport, body: { ...createNote.body! } };
    const body = signatureParameters(operation).find((parameter) => parameter.name === 'body');
    expect(body).toMatchObject({ type: 'ReportsCreateNoteBody | undefined', optional: false });
  });

  it('describes every argument for @param', () => {
    expect(signatureParameters(deleteCustomer).map(({ description }) => description)).toEqual([
      'The customer id.',
      'Per-request options: timeout, retries, abort signal, extra headers.',
    ]);
  });
});

describe('returnType', () => {
  it('prefers PagePromise over Created for a paginated 201', () => {
    const operation: Operation = { ...listCustomers, success: { ...listCustomers.success, status: 201 } };
    expect(returnType(operation)).toBe('PagePromise<CustomersListItem, CustomerList, CustomersListError>');
  });
});
