// workerd runs this worker's test handler (`workerd test`); the server's URL comes in a text binding.
import { runScenario } from './client-scenario.js';

export default {
  async test(_controller: unknown, env: { BASE_URL: string }): Promise<void> {
    await runScenario(env.BASE_URL);
  },
};
