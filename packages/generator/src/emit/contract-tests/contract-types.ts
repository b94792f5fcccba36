/**
 * The contract's shape is declared once, in the mock server the generated suite imports; the generator
 * builds values of the same types.
 */
export type {
  Contract,
  ContractOperation,
  ExpectedRequestParts,
  SampleResponse,
} from '../../../templates/contract-tests/mock-server.js';
