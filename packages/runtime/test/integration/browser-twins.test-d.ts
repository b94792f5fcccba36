/** Each `src/X.browser.ts` fits wherever `src/X.ts` is imported, so the browser build type-checks as the default one does. */
import { expectTypeOf, test } from 'vitest';
import type * as ConnectionRefused from '../../src/connection-refused.js';
import type * as ConnectionRefusedBrowser from '../../src/connection-refused.browser.js';
import type * as ControllerPool from '../../src/controller-pool.js';
import type * as ControllerPoolBrowser from '../../src/controller-pool.browser.js';
import type * as Env from '../../src/env.js';
import type * as EnvBrowser from '../../src/env.browser.js';
import type * as TimerLists from '../../src/timer-lists.js';
import type * as TimerListsBrowser from '../../src/timer-lists.browser.js';

test("every browser twin has its module's exports, with compatible types", () => {
  expectTypeOf<typeof ConnectionRefusedBrowser>().toMatchTypeOf<typeof ConnectionRefused>();
  expectTypeOf<typeof ControllerPoolBrowser>().toMatchTypeOf<typeof ControllerPool>();
  expectTypeOf<typeof EnvBrowser>().toMatchTypeOf<typeof Env>();
  expectTypeOf<typeof TimerListsBrowser>().toMatchTypeOf<typeof TimerLists>();
});
