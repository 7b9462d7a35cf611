import { afterEach, describe, expect, it } from 'vitest';
import { bridgeContractCases } from '../../tests/contract/bridge-contract';
import { createMainProcessDriver, type MainProcessDriver } from '../../tests/contract/main-process-driver';

const drivers: MainProcessDriver[] = [];
async function driver(): Promise<MainProcessDriver> {
  const created = await createMainProcessDriver();
  drivers.push(created);
  return created;
}

afterEach(async () => {
  await Promise.all(drivers.splice(0).map((d) => d.dispose()));
});

describe('bridge contract: Electron main process', () => {
  it('has no draft on a first start', async () => {
    const { api } = await driver();
    expect(await api.loadDraft()).toBeNull();
  });

  for (const contractCase of bridgeContractCases) {
    it(contractCase.name, async () => contractCase.run(await driver()));
  }
});
